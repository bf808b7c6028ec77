using System.Text;

namespace ScRepro.Testing;

/// <summary>
/// The bioRxiv details API, Crossref /works and the DOI resolver on one 127.0.0.1 server (a <see cref="RawHttpServer"/>),
/// answering from tests/fixtures/papers/api/ (laid out by URL path; see its README) under the prefixes /biorxiv,
/// /crossref and /doi. <see cref="Override"/> replaces the answer for one path (a second version, a retraction, a
/// 404, a 5xx); <see cref="FailFirst"/> makes a path fail before it answers (429 then 200). Stopped when disposed.
/// </summary>
public sealed class FakePaperApi : IDisposable
{
    private readonly RawHttpServer _server;
    private readonly Dictionary<string, (int Status, byte[] Body)> _overrides = [];
    private readonly Dictionary<string, (int Status, int Times)> _failFirst = [];

    public FakePaperApi()
    {
        Folder = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "papers", "api");
        _server = new RawHttpServer(Handle);
    }

    /// <summary>The fixture folder answered from.</summary>
    public string Folder { get; }

    public string Biorxiv => Base("/biorxiv");
    public string Crossref => Base("/crossref");
    public string Doi => Base("/doi");

    /// <summary>Request paths received, in order (with their Accept header).</summary>
    public IReadOnlyList<(string Path, string? Accept)> Requests => _server.Requests.Select(r => (r.Path, r.Header("Accept"))).ToList();

    /// <summary>Answer <paramref name="path"/> (e.g. "/crossref/works/10.1038/x") with this status and body instead of the fixture.</summary>
    public void Override(string path, int status, string body)
    {
        lock (_overrides) _overrides[path] = (status, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The first <paramref name="times"/> requests for <paramref name="path"/> get <paramref name="status"/>, then the normal answer.</summary>
    public void FailFirst(string path, int status, int times)
    {
        lock (_overrides) _failFirst[path] = (status, times);
    }

    /// <summary>The fixture bytes for a path under the server ("/crossref/works/10.1038/x").</summary>
    public byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(Folder, path.TrimStart('/')));

    private string Base(string prefix) => _server.Url(prefix).AbsoluteUri;

    private void Handle(RawRequest request, RawResponse response)
    {
        var q = request.Path.IndexOf('?');
        var path = Uri.UnescapeDataString(q < 0 ? request.Path : request.Path[..q]);
        lock (_overrides)
        {
            if (_failFirst.TryGetValue(path, out var fail) && fail.Times > 0)
            {
                _failFirst[path] = (fail.Status, fail.Times - 1);
                response.Send(fail.Status, "Failing", Encoding.UTF8.GetBytes("{\"status\":\"error\"}"), "application/json");
                return;
            }
            if (_overrides.TryGetValue(path, out var o))
            {
                response.Send(o.Status, o.Status == 200 ? "OK" : "Overridden", o.Body, path.StartsWith("/doi/", StringComparison.Ordinal) ? "application/x-bibtex" : "application/json");
                return;
            }
        }
        var file = Path.GetFullPath(Path.Combine(Folder, path.TrimStart('/')));
        if (!file.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            // Crossref and bioRxiv answer an unknown DOI with 404 and a short text body.
            response.Send(404, "Not Found", Encoding.UTF8.GetBytes("Resource not found."), "text/plain");
            return;
        }
        response.Send(200, "OK", File.ReadAllBytes(file), path.StartsWith("/doi/", StringComparison.Ordinal) ? "application/x-bibtex" : "application/json");
    }

    public void Dispose() => _server.Dispose();
}
