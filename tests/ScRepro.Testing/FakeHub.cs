using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScRepro.Testing;

/// <summary>
/// A Hugging Face Hub on 127.0.0.1 (ephemeral port) serving one model repository from a folder, in the JSON shapes
/// huggingface_hub's hf_api.py and file_download.py read (research note §2.7): revision info with siblings, the
/// recursive tree paginated by `Link: &lt;…&gt;; rel="next"`, paths-info (POST, form or JSON body), HEAD/GET resolve
/// (regular files: 200 with ETag = git sha1; LFS files: 302 to /cdn/&lt;sha256&gt; with X-Linked-Etag), refs, commits,
/// and errors with X-Error-Code. Scenario knobs make it misbehave the ways a real upload or a real Hub can.
/// Started by the test, stopped when disposed (one request per connection, like RawHttpServer).
/// </summary>
public sealed class FakeHub : IDisposable
{
    private readonly RawHttpServer _server;
    private readonly string _folder;
    private readonly List<string> _requests = [];

    /// <summary>Serves <paramref name="folder"/> as repository <paramref name="repo"/>; the commit is sha1 of <paramref name="scenario"/>.</summary>
    public FakeHub(string repo, string folder, string scenario)
    {
        Repo = repo;
        _folder = folder;
        Sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(scenario)));
        _server = new RawHttpServer((request, response) =>
        {
            lock (_requests)
            {
                _requests.Add($"{request.Method} {request.Path}");
                Authorizations.Add((request.Path, request.Header("Authorization")));
            }
            Respond(response.Stream, request.Method, request.Path, request.Headers, request.Body);
        });
    }

    public string Repo { get; }

    /// <summary>The commit every revision resolves to (deterministic: sha1 of the scenario name).</summary>
    public string Sha { get; }

    /// <summary>The endpoint to pass as --hub-endpoint / HF_ENDPOINT.</summary>
    public string Endpoint => _server.Url("/").GetLeftPart(UriPartial.Authority);

    /// <summary>Files stored as LFS (matched by extension), as the Hub's .gitattributes does for weights and data.</summary>
    public string[] LfsExtensions { get; init; } = [".pt", ".safetensors", ".h5ad"];

    /// <summary>Tree entries per page; null: one page.</summary>
    public int? PageSize { get; init; }

    /// <summary>401 GatedRepo unless the request carries this bearer token; null: public.</summary>
    public string? GatedToken { get; init; }

    /// <summary>Reply RepoNotFound to everything.</summary>
    public bool Missing { get; init; }

    /// <summary>X-Repo-Commit to send on resolve instead of <see cref="Sha"/> (a branch that moved mid-audit).</summary>
    public string? ResolveCommitOverride { get; init; }

    /// <summary>Per path: the siblings' lfs.sha256 to report instead of the real one (metadata that disagrees with the tree).</summary>
    public Dictionary<string, string> SiblingLfsOverride { get; } = [];

    /// <summary>Paths whose served bytes have one byte flipped (same size): a corrupt CDN copy.</summary>
    public HashSet<string> FlipByte { get; } = [];

    /// <summary>Every request line received, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>The Authorization headers received (tests check the token went only where it should).</summary>
    public List<(string Path, string? Authorization)> Authorizations { get; } = [];

    private IEnumerable<(string Path, byte[] Bytes)> Files() =>
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(_folder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);

    private bool IsLfs(string path) => LfsExtensions.Any(e => path.EndsWith(e, StringComparison.Ordinal));

    private static string GitSha1(byte[] bytes) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));

    /// <summary>git-lfs spec pointer text.</summary>
    public static string Pointer(string sha256, long size) => $"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n";

    private JsonObject Entry(string path, byte[] bytes)
    {
        var o = new JsonObject { ["type"] = "file", ["size"] = bytes.Length, ["path"] = path };
        if (IsLfs(path))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var pointer = Encoding.UTF8.GetBytes(Pointer(sha, bytes.Length));
            o["oid"] = GitSha1(pointer);
            o["lfs"] = new JsonObject { ["oid"] = sha, ["size"] = bytes.Length, ["pointerSize"] = pointer.Length };
        }
        else
        {
            o["oid"] = GitSha1(bytes);
        }
        o["xetHash"] = "unused-by-clients-here"; // an unknown field a lenient parser must ignore
        return o;
    }

    private void Respond(NetworkStream s, string method, string target, IReadOnlyDictionary<string, string> headers, string body)
    {
        var q = target.IndexOf('?');
        var path = Uri.UnescapeDataString(q < 0 ? target : target[..q]);
        var query = q < 0 ? "" : target[(q + 1)..];
        if (path.StartsWith("/cdn/", StringComparison.Ordinal))
        {
            var sha = path[5..];
            var file = Files().FirstOrDefault(f => Convert.ToHexStringLower(SHA256.HashData(f.Bytes)) == sha);
            if (file.Bytes is null) { Error(s, 404, "EntryNotFound", "no such blob"); return; }
            Bytes(s, method, Served(file.Path, file.Bytes), headers);
            return;
        }
        if (Missing) { Error(s, 404, "RepoNotFound", $"Repository Not Found for url: {target}"); return; }
        if (GatedToken is not null && headers.GetValueOrDefault("Authorization") != "Bearer " + GatedToken)
        {
            Error(s, 401, "GatedRepo", $"Access to model {Repo} is restricted");
            return;
        }
        var api = $"/api/models/{Repo}/";
        if (path.StartsWith(api + "revision/", StringComparison.Ordinal))
        {
            if (!KnownRevision(path[(api.Length + "revision/".Length)..])) { Error(s, 404, "RevisionNotFound", "Invalid rev id"); return; }
            var siblings = new JsonArray();
            foreach (var (p, bytes) in Files())
            {
                var e = Entry(p, bytes);
                var sib = new JsonObject { ["rfilename"] = p, ["blobId"] = e["oid"]!.GetValue<string>(), ["size"] = bytes.Length };
                if (e["lfs"] is JsonObject lfs)
                    sib["lfs"] = new JsonObject { ["sha256"] = SiblingLfsOverride.GetValueOrDefault(p) ?? lfs["oid"]!.GetValue<string>(), ["size"] = bytes.Length, ["pointerSize"] = lfs["pointerSize"]!.GetValue<int>() };
                siblings.Add(sib);
            }
            var readme = Files().FirstOrDefault(f => f.Path == "README.md");
            Json(s, new JsonObject
            {
                ["_id"] = "0123", ["id"] = Repo, ["author"] = Repo.Split('/')[0], ["sha"] = Sha,
                ["lastModified"] = "2025-06-01T00:00:00.000Z", ["createdAt"] = "2025-05-01T00:00:00.000Z",
                ["private"] = false, ["gated"] = GatedToken is null ? false : "auto", ["disabled"] = false,
                ["tags"] = new JsonArray("screpro"), ["downloads"] = 0, ["siblings"] = siblings,
                ["cardData"] = new JsonObject { ["library_name"] = "screpro" },
                ["readmeBytes"] = readme.Bytes?.Length ?? 0,
            });
            return;
        }
        if (path.StartsWith(api + "tree/", StringComparison.Ordinal))
        {
            if (!KnownRevision(path[(api.Length + "tree/".Length)..].Split('/')[0])) { Error(s, 404, "RevisionNotFound", "Invalid rev id"); return; }
            var all = Files().Select(f => Entry(f.Path, f.Bytes)).ToList();
            var cursor = query.Split('&').Where(p => p.StartsWith("cursor=", StringComparison.Ordinal)).Select(p => int.Parse(p[7..])).FirstOrDefault();
            var size = PageSize ?? all.Count;
            var page = new JsonArray(all.Skip(cursor).Take(size).Select(e => (JsonNode)e).ToArray());
            var extra = cursor + size < all.Count
                ? new[] { ("Link", $"<{Endpoint}{path}?recursive=true&expand=false&cursor={cursor + size}>; rel=\"next\"") }
                : [];
            Json(s, page, extra);
            return;
        }
        if (method == "POST" && path.StartsWith(api + "paths-info/", StringComparison.Ordinal))
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            if (headers.GetValueOrDefault("Content-Type", "").StartsWith("application/json", StringComparison.Ordinal))
            {
                foreach (var p in JsonNode.Parse(body)!["paths"]!.AsArray()) wanted.Add(p!.GetValue<string>());
            }
            else
            {
                foreach (var kv in body.Split('&').Where(p => p.StartsWith("paths=", StringComparison.Ordinal))) wanted.Add(Uri.UnescapeDataString(kv[6..].Replace('+', ' ')));
            }
            // "If a path do not exist, it is ignored without raising" (hf_api.get_paths_info).
            Json(s, new JsonArray(Files().Where(f => wanted.Contains(f.Path)).Select(f => (JsonNode)Entry(f.Path, f.Bytes)).ToArray()));
            return;
        }
        if (path == api + "refs")
        {
            Json(s, new JsonObject
            {
                ["branches"] = new JsonArray(new JsonObject { ["name"] = "main", ["ref"] = "refs/heads/main", ["targetCommit"] = Sha }),
                ["tags"] = new JsonArray(), ["converts"] = new JsonArray(),
            });
            return;
        }
        if (path.StartsWith(api + "commits/", StringComparison.Ordinal))
        {
            Json(s, new JsonArray(new JsonObject
            {
                ["id"] = Sha, ["title"] = "Upload best_model.pt", ["message"] = "",
                ["authors"] = new JsonArray(new JsonObject { ["user"] = Repo.Split('/')[0] }), ["date"] = "2025-06-01T00:00:00.000Z",
            }));
            return;
        }
        var resolve = $"/{Repo}/resolve/";
        if (path.StartsWith(resolve, StringComparison.Ordinal))
        {
            var rest = path[resolve.Length..];
            var rev = rest.Split('/')[0];
            var file = rest[(rev.Length + 1)..];
            if (!KnownRevision(rev)) { Error(s, 404, "RevisionNotFound", "Invalid rev id"); return; }
            var f = Files().FirstOrDefault(x => x.Path == file);
            if (f.Bytes is null) { Error(s, 404, "EntryNotFound", $"{file} does not exist on \"{rev}\""); return; }
            var commit = ResolveCommitOverride ?? Sha;
            if (IsLfs(f.Path))
            {
                var sha = Convert.ToHexStringLower(SHA256.HashData(f.Bytes));
                Head(s, 302, "Found", ("Location", $"/cdn/{sha}"), ("X-Linked-Etag", $"\"{sha}\""), ("X-Linked-Size", f.Bytes.Length.ToString()),
                    ("X-Repo-Commit", commit), ("ETag", "\"pointer-etag\""), ("Content-Length", "0"));
                return;
            }
            Bytes(s, method, Served(f.Path, f.Bytes), headers, ("ETag", $"\"{GitSha1(f.Bytes)}\""), ("X-Repo-Commit", commit));
            return;
        }
        Error(s, 404, "EntryNotFound", $"no route {method} {path}");
    }

    private bool KnownRevision(string rev) => rev == Sha || rev == "main" || rev == "refs/pr/1";

    private byte[] Served(string path, byte[] bytes)
    {
        if (!FlipByte.Contains(path)) return bytes;
        var copy = bytes.ToArray();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }

    private static void Json(NetworkStream s, JsonNode node, params (string, string)[] extra)
    {
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
        Head(s, 200, "OK", [("Content-Type", "application/json"), ("Content-Length", bytes.Length.ToString()), .. extra]);
        s.Write(bytes);
    }

    private static void Bytes(NetworkStream s, string method, byte[] bytes, IReadOnlyDictionary<string, string> headers, params (string, string)[] extra)
    {
        var from = headers.TryGetValue("Range", out var range) && range.StartsWith("bytes=", StringComparison.Ordinal)
            ? long.Parse(range[6..].Split('-')[0]) : 0;
        if (from > 0 && from < bytes.Length)
        {
            Head(s, 206, "Partial Content", [("Content-Length", (bytes.Length - from).ToString()), ("Content-Range", $"bytes {from}-{bytes.Length - 1}/{bytes.Length}"), .. extra]);
            if (method != "HEAD") s.Write(bytes.AsSpan((int)from));
            return;
        }
        Head(s, 200, "OK", [("Content-Length", bytes.Length.ToString()), ("Content-Type", "application/octet-stream"), .. extra]);
        if (method != "HEAD") s.Write(bytes);
    }

    private static void Error(NetworkStream s, int status, string code, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { error = message }));
        Head(s, status, status == 401 ? "Unauthorized" : "Not Found", ("X-Error-Code", code), ("X-Error-Message", message),
            ("Content-Type", "application/json"), ("Content-Length", bytes.Length.ToString()));
        s.Write(bytes);
    }

    private static void Head(NetworkStream s, int status, string reason, params (string Name, string Value)[] headers)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers) text.Append(name).Append(": ").Append(value).Append("\r\n");
        text.Append("Connection: close\r\n\r\n");
        s.Write(Encoding.ASCII.GetBytes(text.ToString()));
    }

    public void Dispose() => _server.Dispose();
}
