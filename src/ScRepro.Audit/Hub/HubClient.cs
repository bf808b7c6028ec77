using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ScRepro.Core.Errors;

namespace ScRepro.Audit.Hub;

/// <summary>
/// The Hub's HTTP API as huggingface_hub (hf_api.py, file_download.py) calls it: revision info, the recursive tree
/// (paginated by a `Link: &lt;…&gt;; rel="next"` header), paths-info (POST, form-encoded as the Python client sends it),
/// and HEAD resolve without following redirects, so X-Linked-Etag and Location are read on the first hop. The token,
/// when given, goes in `Authorization: Bearer` and nowhere else.
/// </summary>
public sealed class HubClient : IDisposable
{
    private static readonly string[] KeptHeaders =
        ["x-error-code", "x-error-message", "x-repo-commit", "x-linked-etag", "x-linked-size", "etag", "location", "link", "content-length"];

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string? _token;

    /// <summary>A client for <paramref name="endpoint"/> (e.g. https://huggingface.co).</summary>
    public HubClient(Uri endpoint, string? token, TimeSpan? timeout = null)
    {
        _endpoint = endpoint;
        _token = token;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("ScRepro-audit/1");
    }

    /// <summary>The absolute URL of an endpoint path.</summary>
    public Uri Url(string pathAndQuery) => new(_endpoint.AbsoluteUri.TrimEnd('/') + pathAndQuery);

    /// <summary>Revision names are quoted with safe="" as huggingface_hub does: refs/pr/1 → refs%2Fpr%2F1.</summary>
    public static string Quote(string revision) => Uri.EscapeDataString(revision);

    /// <summary>GET /api/models/{repo}/revision/{rev}?blobs=true.</summary>
    public HubResponse Revision(string repo, string revision) => Send(HttpMethod.Get, $"/api/models/{repo}/revision/{Quote(revision)}?blobs=true");

    /// <summary>Every page of GET /api/models/{repo}/tree/{sha}?recursive=true, following Link rel="next".</summary>
    public IReadOnlyList<HubResponse> Tree(string repo, string sha)
    {
        var pages = new List<HubResponse>();
        var next = $"/api/models/{repo}/tree/{Quote(sha)}?recursive=true&expand=false";
        while (next is not null)
        {
            if (pages.Count >= 10_000) throw new ScReproException($"{repo}: the tree listing did not end after {pages.Count} pages");
            var page = Send(HttpMethod.Get, next);
            pages.Add(page);
            next = page.Status == 200 ? NextLink(page.Header("link")) : null;
        }
        return pages;
    }

    /// <summary>POST /api/models/{repo}/paths-info/{sha} with form fields paths=…&amp;expand=….</summary>
    public HubResponse PathsInfo(string repo, string sha, IEnumerable<string> paths)
    {
        var form = string.Join("&", paths.Select(p => "paths=" + Uri.EscapeDataString(p)).Append("expand=false"));
        return Send(HttpMethod.Post, $"/api/models/{repo}/paths-info/{Quote(sha)}",
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
    }

    /// <summary>HEAD /{repo}/resolve/{sha}/{path}, first hop only, with Accept-Encoding: identity (to see the real size).</summary>
    public HubResponse Resolve(string repo, string sha, string path) =>
        Send(HttpMethod.Head, ResolvePath(repo, sha, path));

    /// <summary>The resolve path of a file (each path segment escaped).</summary>
    public static string ResolvePath(string repo, string sha, string path) =>
        $"/{repo}/resolve/{Quote(sha)}/{string.Join("/", path.Split('/').Select(Uri.EscapeDataString))}";

    private HubResponse Send(HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        using var message = new HttpRequestMessage(method, Url(pathAndQuery)) { Content = content };
        if (_token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        message.Headers.AcceptEncoding.ParseAdd("identity");
        try
        {
            using var response = _http.Send(message);
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in KeptHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                    headers[name] = string.Join(", ", values);
            }
            var body = method == HttpMethod.Head ? "" : ReadBody(response);
            return new HubResponse($"{method} {pathAndQuery}", (int)response.StatusCode, headers, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new ScReproException($"{method} {Url(pathAndQuery)}: {e.Message}", exitCode: 3, inner: e);
        }
    }

    /// <summary>API bodies are JSON of kilobytes to a few megabytes; a larger one is refused (bounded memory).</summary>
    private static string ReadBody(HttpResponseMessage response)
    {
        const int limit = 64 << 20;
        using var stream = response.Content.ReadAsStream();
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            ms.Write(buffer, 0, n);
            if (ms.Length > limit) throw new ScReproException($"{response.RequestMessage?.RequestUri}: response body over {limit} bytes");
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The rel="next" target of a GitHub-style Link header (as requests' parse_header_links reads it).</summary>
    internal static string? NextLink(string? link)
    {
        if (link is null) return null;
        foreach (var part in link.Split(','))
        {
            var pieces = part.Split(';');
            if (pieces.Skip(1).Any(p => p.Trim().Replace(" ", "") is "rel=\"next\"" or "rel=next"))
            {
                var url = pieces[0].Trim().TrimStart('<').TrimEnd('>');
                return Uri.TryCreate(url, UriKind.Absolute, out var abs) ? abs.PathAndQuery : url;
            }
        }
        return null;
    }

    public void Dispose() => _http.Dispose();
}
