using System.Text.Json;
using System.Text.RegularExpressions;
using ScRepro.Audit.Model;
using ScRepro.Core.Download;
using ScRepro.Core.Errors;
using ScRepro.Core.Hashing;
using ScRepro.Core.IO;
using ScRepro.Core.Manifests;

namespace ScRepro.Audit.Hub;

/// <summary>
/// Hub mode's first half: resolve the revision, list the tree, ask paths-info about the files, HEAD each resolve URL,
/// and download the files through the project's <see cref="Downloader"/> into data/hub/&lt;owner&gt;__&lt;name&gt;/&lt;sha&gt;/.
/// Every raw response is stored under data/hub/&lt;owner&gt;__&lt;name&gt;/_api/&lt;sha&gt;/ (beside, not inside, the file
/// folder, so the folder holds exactly the repository's files) and `_api/refs/&lt;quoted rev&gt;` records which commit a
/// revision resolved to, so `--offline` replays the audit without the network.
/// </summary>
public static partial class HubFetch
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$")]
    private static partial Regex RepoPattern();

    /// <summary>Fetches (or, with --offline, replays) the revision named by "owner/name[@rev]" and --revision.</summary>
    public static HubFetchResult Run(AuditOptions options, string root, string hubArg)
    {
        var at = hubArg.IndexOf('@');
        var repo = at < 0 ? hubArg : hubArg[..at];
        var revision = options.Revision ?? (at < 0 ? "main" : hubArg[(at + 1)..]);
        if (!RepoPattern().IsMatch(repo) || repo.Contains(".."))
            throw new ScReproException($"--hub {hubArg}: expected owner/name[@revision] (letters, digits, '_', '-', '.')");
        if (revision.Length == 0 || revision.Length > 255 || revision.Any(char.IsControl))
            throw new ScReproException($"--revision '{revision}': not a revision");
        var store = Path.Combine(root, "data", "hub", repo.Replace("/", "__"));
        var api = Path.Combine(store, "_api");
        var records = new List<HubResponseRecord>();
        var token = Environment.GetEnvironmentVariable(options.TokenEnv) is { Length: > 0 } t ? t : null;
        IHubSource source = options.Offline ? new ReplaySource(api, repo) : new LiveSource(HubEndpoint(options), token);
        try
        {
            var rev = source.Revision(repo, revision);
            if (rev.Status != 200)
                return new HubFetchResult(new HubSnapshot(repo, revision, null, null, rev.Status, rev.Header("x-error-code"), rev.Header("x-error-message"), [], [], [], token is not null),
                    Path.Combine(store, "unresolved"), records);
            using var info = Parse(rev, "revision");
            var sha = HubJson.Str(info.RootElement, "sha") ?? throw new ScReproException($"{rev.Request}: the response has no `sha`");
            if (!Regex.IsMatch(sha, "^[0-9a-f]{40}$")) throw new ScReproException($"{rev.Request}: `sha` '{sha}' is not a 40-hex commit");
            var shaApi = Path.Combine(api, sha);
            records.Add(Store(root, Path.Combine(shaApi, "revision.json"), rev));
            if (!options.Offline) AtomicFile.WriteAllText(Path.Combine(api, "refs", Uri.EscapeDataString(revision)), sha + "\n");
            var siblings = HubJson.Siblings(info.RootElement);

            var pages = source.Tree(repo, sha, shaApi);
            var tree = new List<HubEntry>();
            for (var i = 0; i < pages.Count; i++)
            {
                records.Add(Store(root, Path.Combine(shaApi, $"tree-{i}.json"), pages[i]));
                if (pages[i].Status != 200)
                    throw new ScReproException($"{pages[i].Request}: HTTP {pages[i].Status} {pages[i].Header("x-error-code")} {pages[i].Header("x-error-message")}".TrimEnd(), 3);
                using var page = Parse(pages[i], "tree");
                tree.AddRange(HubJson.Entries(page.RootElement));
            }
            var files = tree.Where(e => e.Type == "file").ToList();

            // paths-info re-lists the files one more way; any disagreement with the tree is A2's business.
            var pathsInfo = source.PathsInfo(repo, sha, files.Select(f => f.Path).ToList());
            records.Add(Store(root, Path.Combine(shaApi, "paths-info.json"), pathsInfo));
            var infoEntries = new List<HubEntry>();
            if (pathsInfo.Status == 200)
            {
                using var doc = Parse(pathsInfo, "paths-info");
                infoEntries.AddRange(HubJson.Entries(doc.RootElement));
            }
            var resolves = new List<HubResolve>();
            var heads = new List<HubResponse>();
            foreach (var f in files)
            {
                var head = source.Resolve(repo, sha, f.Path);
                heads.Add(head);
                resolves.Add(new HubResolve(f.Path, head.Status, head.Header("x-repo-commit"),
                    HubJson.NormalizeEtag(head.Header("x-linked-etag") ?? head.Header("etag")),
                    long.TryParse(head.Header("x-linked-size") ?? head.Header("content-length"), out var n) ? n : null));
            }
            records.Add(StoreMany(root, Path.Combine(shaApi, "resolve.json"), heads));

            var folder = Path.Combine(store, sha);
            if (!options.Offline) Download((LiveSource)source, repo, sha, folder, files, token);
            // paths-info entries that disagree with the tree are reported through the siblings comparison (A2).
            var mismatched = infoEntries.Where(i => files.FirstOrDefault(f => f.Path == i.Path) is { } f && (f.Oid != i.Oid || f.LfsSha256 != i.LfsSha256)).ToList();
            if (mismatched.Count > 0)
                siblings = siblings.Select(s => mismatched.FirstOrDefault(m => m.Path == s.Path) is { } m ? s with { LfsSha256 = m.LfsSha256, Oid = m.Oid } : s).ToList();
            var snapshot = new HubSnapshot(repo, revision, sha, HubJson.Str(info.RootElement, "lastModified"), null, null, null,
                siblings, tree, resolves, token is not null);
            return new HubFetchResult(snapshot, folder, records);
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>--hub-endpoint, else HF_ENDPOINT, else https://huggingface.co (huggingface_hub constants.py).</summary>
    public static Uri HubEndpoint(AuditOptions options)
    {
        var text = options.HubEndpoint ?? (Environment.GetEnvironmentVariable("HF_ENDPOINT") is { Length: > 0 } env ? env : "https://huggingface.co");
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ScReproException($"--hub-endpoint '{text}': not an http(s) URL");
        return uri;
    }

    private static void Download(LiveSource source, string repo, string sha, string folder, IReadOnlyList<HubEntry> files, string? token)
    {
        using var downloader = new Downloader(new DownloadOptions { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(200) });
        foreach (var f in files)
        {
            var destination = SafePath.Resolve(folder, f.Path, $"Hub tree of {repo}@{sha}: path");
            // Already here with the listed identity (a re-run): nothing to fetch.
            if (File.Exists(destination) && (f.LfsSha256 is { } lfs ? FileHasher.Sha256(destination) == lfs : Identity.GitBlob.Sha1(destination) == f.Oid)) continue;
            // No expected sha256 is passed: bytes that differ from the listing must reach A3 as a FAIL naming the file,
            // not stop the audit. The size is checked; the downloader still writes under a temporary name, then renames.
            downloader.Download(new DownloadRequest(source.Client.Url(HubClient.ResolvePath(repo, sha, f.Path)), destination,
                f.LfsSize ?? f.Size, null, token));
        }
    }

    private static JsonDocument Parse(HubResponse response, string what)
    {
        try
        {
            return JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{response.Request}: the Hub's {what} response is not JSON: {e.Message}", 3);
        }
    }

    private static HubResponseRecord Store(string root, string path, HubResponse response)
    {
        var text = Json.Serialize(response);
        if (!File.Exists(path) || File.ReadAllText(path) != text) AtomicFile.WriteAllText(path, text);
        return new HubResponseRecord(response.Request, Path.GetRelativePath(root, path).Replace('\\', '/'), FileHasher.Sha256(path));
    }

    private static HubResponseRecord StoreMany(string root, string path, IReadOnlyList<HubResponse> responses)
    {
        var text = Json.Serialize(responses);
        if (!File.Exists(path) || File.ReadAllText(path) != text) AtomicFile.WriteAllText(path, text);
        return new HubResponseRecord($"HEAD resolve × {responses.Count}", Path.GetRelativePath(root, path).Replace('\\', '/'), FileHasher.Sha256(path));
    }

    /// <summary>Where Hub responses come from: the network, or the stored copies.</summary>
    private interface IHubSource
    {
        HubResponse Revision(string repo, string revision);
        IReadOnlyList<HubResponse> Tree(string repo, string sha, string shaApi);
        HubResponse PathsInfo(string repo, string sha, IReadOnlyList<string> paths);
        HubResponse Resolve(string repo, string sha, string path);
    }

    private sealed class LiveSource(Uri endpoint, string? token) : IHubSource, IDisposable
    {
        public HubClient Client { get; } = new(endpoint, token);
        public HubResponse Revision(string repo, string revision) => Client.Revision(repo, revision);
        public IReadOnlyList<HubResponse> Tree(string repo, string sha, string shaApi) => Client.Tree(repo, sha);
        public HubResponse PathsInfo(string repo, string sha, IReadOnlyList<string> paths) => Client.PathsInfo(repo, sha, paths);
        public HubResponse Resolve(string repo, string sha, string path) => Client.Resolve(repo, sha, path);
        public void Dispose() => Client.Dispose();
    }

    /// <summary>--offline: the responses stored by an earlier audit of the same revision.</summary>
    private sealed class ReplaySource(string api, string repo) : IHubSource
    {
        private IReadOnlyList<HubResponse>? _heads;

        public HubResponse Revision(string repo2, string revision)
        {
            var refFile = Path.Combine(api, "refs", Uri.EscapeDataString(revision));
            var sha = File.Exists(refFile) ? File.ReadAllText(refFile).Trim() : revision;
            return Load(Path.Combine(api, sha, "revision.json"), $"revision {revision}");
        }

        public IReadOnlyList<HubResponse> Tree(string repo2, string sha, string shaApi)
        {
            var pages = new List<HubResponse>();
            for (var i = 0; File.Exists(Path.Combine(shaApi, $"tree-{i}.json")); i++) pages.Add(Load(Path.Combine(shaApi, $"tree-{i}.json"), "tree"));
            return pages.Count > 0 ? pages : throw new ScReproException($"--offline: no stored tree of {repo}@{sha} under {shaApi}");
        }

        public HubResponse PathsInfo(string repo2, string sha, IReadOnlyList<string> paths) => Load(Path.Combine(api, sha, "paths-info.json"), "paths-info");

        public HubResponse Resolve(string repo2, string sha, string path)
        {
            var file = Path.Combine(api, sha, "resolve.json");
            if (!File.Exists(file)) throw new ScReproException($"--offline: no stored resolve headers {file}");
            _heads ??= Json.Deserialize<List<HubResponse>>(File.ReadAllText(file));
            return _heads.FirstOrDefault(h => h.Request.EndsWith(HubClient.ResolvePath(repo, sha, path), StringComparison.Ordinal))
                ?? throw new ScReproException($"--offline: {file} has no HEAD for {path}");
        }

        private static HubResponse Load(string path, string what)
        {
            if (!File.Exists(path)) throw new ScReproException($"--offline: no stored {what} response {path}; run the audit online once");
            return Json.Deserialize<HubResponse>(File.ReadAllText(path));
        }
    }
}
