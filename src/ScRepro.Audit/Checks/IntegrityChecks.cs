using System.Text;
using System.Text.Json;
using ScRepro.Audit.Identity;
using ScRepro.Audit.Model;
using ScRepro.Audit.Publishing;
using ScRepro.Core.Errors;
using ScRepro.Core.Hashing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Audit.Checks;

/// <summary>Level L0, integrity (§2.5 A1–A6): the revision, the Hub's metadata, the file bytes, the card's pins, a signature, the checkpoint.</summary>
public static class IntegrityChecks
{
    private const AuditLevel L = AuditLevel.Integrity;

    /// <summary>A1: the requested revision resolves to a commit (Hub mode).</summary>
    public static AuditCheck RevisionResolves(AuditInputs inputs)
    {
        const string title = "revision resolves";
        if (inputs.Hub is not { } hub) return new AuditCheck("A1", L, title, CheckStatus.Skipped, "folder mode: no Hub revision to resolve");
        if (hub.ErrorCode is "GatedRepo" || hub.ErrorStatus is 401 or 403)
            return new AuditCheck("A1", L, title, CheckStatus.Unverifiable,
                $"{hub.Repo}: gated or private ({hub.ErrorCode ?? hub.ErrorStatus.ToString()}){(hub.TokenUsed ? " and the token was refused" : $"; set {inputs.Options.TokenEnv}")}");
        if (!hub.Resolved)
            return new AuditCheck("A1", L, title, CheckStatus.Fail,
                $"{hub.Repo}@{hub.RequestedRevision}: {hub.ErrorCode ?? "HTTP " + hub.ErrorStatus}{(hub.ErrorMessage is null ? "" : ": " + hub.ErrorMessage)}");
        if (!IsFullSha(hub.RequestedRevision))
            return new AuditCheck("A1", L, title, CheckStatus.Warn,
                $"resolved mutable revision '{hub.RequestedRevision}' → {hub.Sha}; re-run with --revision {hub.Sha}");
        return hub.RequestedRevision == hub.Sha
            ? new AuditCheck("A1", L, title, CheckStatus.Pass, $"{hub.Repo}@{hub.Sha} (immutable commit)")
            : new AuditCheck("A1", L, title, CheckStatus.Fail, $"requested commit {hub.RequestedRevision} but the Hub resolved {hub.Sha}");
    }

    /// <summary>A2: model_info's siblings and the recursive tree describe the same files.</summary>
    public static AuditCheck HubMetadataConsistent(AuditInputs inputs)
    {
        const string title = "Hub metadata consistent";
        if (inputs.Hub is not { Resolved: true } hub)
            return new AuditCheck("A2", L, title, inputs.Hub is null ? CheckStatus.Skipped : CheckStatus.Unverifiable,
                inputs.Hub is null ? "folder mode: no Hub listing" : "the revision did not resolve");
        var tree = hub.Tree.Where(e => e.Type == "file").ToDictionary(e => e.Path, StringComparer.Ordinal);
        var siblings = hub.Siblings.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(siblings.Keys.Except(tree.Keys).Order(StringComparer.Ordinal).Select(p => $"{p}: in siblings, not in tree"));
        problems.AddRange(tree.Keys.Except(siblings.Keys).Order(StringComparer.Ordinal).Select(p => $"{p}: in tree, not in siblings"));
        foreach (var (path, s) in siblings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!tree.TryGetValue(path, out var t)) continue;
            if (s.LfsSha256 != t.LfsSha256) problems.Add($"{path}: siblings lfs.sha256 {s.LfsSha256 ?? "none"} ≠ tree lfs.oid {t.LfsSha256 ?? "none"}");
            if (s.Size is not null && t.Size is not null && s.Size != t.Size) problems.Add($"{path}: siblings size {s.Size} ≠ tree size {t.Size}");
            if (s.Oid is not null && t.Oid is not null && s.Oid != t.Oid) problems.Add($"{path}: siblings blobId {s.Oid} ≠ tree oid {t.Oid}");
        }
        return problems.Count > 0
            ? new AuditCheck("A2", L, title, CheckStatus.Fail, string.Join("; ", problems))
            : new AuditCheck("A2", L, title, CheckStatus.Pass, $"{tree.Count} files agree between siblings and tree");
    }

    /// <summary>
    /// A3: the bytes are the identity the Hub lists (LFS: sha256 and size; otherwise git blob sha1), as `hf cache verify`
    /// does; in folder mode, the folder's own sha256 manifest (SHA256SUMS, written by `screpro publish`).
    /// </summary>
    public static AuditCheck FileBytes(AuditInputs inputs)
    {
        const string title = "file bytes match their identity";
        var problems = new List<string>();
        var extra = new List<string>();
        int checkedCount;
        if (inputs.Hub is { } hub)
        {
            if (!hub.Resolved) return new AuditCheck("A3", L, title, CheckStatus.Unverifiable, "the revision did not resolve");
            var files = hub.Tree.Where(e => e.Type == "file").ToList();
            foreach (var e in files)
            {
                var local = inputs.File(e.Path);
                if (local is null) { problems.Add($"{e.Path}: listed by the Hub, missing locally"); continue; }
                if (e.LfsSha256 is { } lfs)
                {
                    if (local.Sha256 != lfs) problems.Add($"{e.Path}: sha256 {local.Sha256} ≠ Hub lfs.oid {lfs}");
                    else if (e.LfsSize is { } n && n != local.Size) problems.Add($"{e.Path}: size {local.Size} ≠ Hub lfs.size {n}");
                }
                else if (e.Oid is { } oid && local.GitOid != oid) problems.Add($"{e.Path}: git-sha1 {local.GitOid} ≠ Hub oid {oid}");
            }
            foreach (var r in hub.Resolves)
            {
                var entry = files.FirstOrDefault(f => f.Path == r.Path);
                if (r.RepoCommit is not null && r.RepoCommit != hub.Sha)
                    problems.Add($"{r.Path}: resolve X-Repo-Commit {r.RepoCommit} ≠ resolved {hub.Sha} (the branch moved during the audit)");
                var expected = entry?.LfsSha256 ?? entry?.Oid;
                if (r.Etag is not null && expected is not null && r.Etag != expected)
                    problems.Add($"{r.Path}: resolve etag {r.Etag} ≠ listed {expected}");
            }
            extra.AddRange(inputs.Files.Select(f => f.Path).Except(files.Select(f => f.Path)).Where(p => !IsAuditSidecar(p)));
            checkedCount = files.Count;
        }
        else if (inputs.ShaManifest is { } manifest)
        {
            foreach (var (path, sha) in manifest.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var local = inputs.File(path);
                if (local is null) problems.Add($"{path}: listed in {PublishManifest.FileName}, missing from the folder");
                else if (local.Sha256 != sha) problems.Add($"{path}: sha256 {local.Sha256} ≠ {PublishManifest.FileName} {sha}");
            }
            extra.AddRange(inputs.Files.Select(f => f.Path).Where(p => p != PublishManifest.FileName && !manifest.ContainsKey(p)));
            checkedCount = manifest.Count;
        }
        else
        {
            return new AuditCheck("A3", L, title, CheckStatus.Unverifiable,
                inputs.ShaManifestError ?? $"no Hub listing and no {PublishManifest.FileName} in the folder to compare the bytes with");
        }
        if (problems.Count > 0) return new AuditCheck("A3", L, title, CheckStatus.Fail, string.Join("; ", problems));
        if (extra.Count > 0) return new AuditCheck("A3", L, title, CheckStatus.Warn, $"{checkedCount} files match; extra local files: {string.Join(", ", extra)}");
        return new AuditCheck("A3", L, title, CheckStatus.Pass,
            $"{checkedCount} files match {(inputs.Hub is null ? PublishManifest.FileName : "the Hub's sha256 / git-sha1")}");
    }

    /// <summary>A4: every sha256 the card's Files table pins equals the file's (matched by file name).</summary>
    public static AuditCheck CardPins(AuditInputs inputs)
    {
        const string title = "card-pinned hashes";
        if (inputs.Card is not { } card) return new AuditCheck("A4", L, title, CheckStatus.Unverifiable, "no card");
        var pins = card.FilePins.Where(p => FileHasher.IsSha256Hex(p.Value.Text)).ToList();
        if (pins.Count == 0) return new AuditCheck("A4", L, title, CheckStatus.Unverifiable, $"{card.Document.File} names files but pins no sha256");
        var problems = new List<string>();
        foreach (var (name, pin) in pins)
        {
            var local = inputs.File(name) ?? inputs.Files.FirstOrDefault(f => Path.GetFileName(f.Path) == Path.GetFileName(name));
            if (local is null) problems.Add($"{pin.Source} pins {name}, which the folder lacks");
            else if (local.Sha256 != pin.Text) problems.Add($"{pin.Source}: {name} sha256 {local.Sha256} ≠ pinned {pin.Text}");
        }
        return problems.Count > 0
            ? new AuditCheck("A4", L, title, CheckStatus.Fail, string.Join("; ", problems))
            : new AuditCheck("A4", L, title, CheckStatus.Pass, $"{pins.Count} pinned sha256 match");
    }

    /// <summary>
    /// A5: a model.sig (OpenSSF model signing v1.0 bundle): its resources' digests and root digest recomputed from the
    /// files. The signature itself (Fulcio chain, Rekor proof) is not verified offline, and the reason says so.
    /// </summary>
    public static AuditCheck Signature(AuditInputs inputs)
    {
        const string title = "signature digests";
        var sig = inputs.File("model.sig");
        if (sig is null) return new AuditCheck("A5", L, title, CheckStatus.Skipped, "no model.sig (informational)");
        try
        {
            using var bundle = JsonDocument.Parse(File.ReadAllBytes(inputs.FullPath("model.sig")));
            var payload = bundle.RootElement.GetProperty("dsseEnvelope").GetProperty("payload").GetString()!;
            using var statement = JsonDocument.Parse(Convert.FromBase64String(payload));
            var st = statement.RootElement;
            var type = st.GetProperty("predicateType").GetString();
            if (type != "https://model_signing/signature/v1.0")
                return new AuditCheck("A5", L, title, CheckStatus.Unverifiable, $"model.sig: predicateType {type} is not model_signing v1.0");
            var predicate = st.GetProperty("predicate");
            var hashType = predicate.GetProperty("serialization").GetProperty("hash_type").GetString();
            if (hashType != "sha256") return new AuditCheck("A5", L, title, CheckStatus.Unverifiable, $"model.sig: hash_type {hashType} (only sha256 is recomputed)");
            var problems = new List<string>();
            var digests = new List<(string Name, string Digest)>();
            foreach (var r in predicate.GetProperty("resources").EnumerateArray())
            {
                var name = r.GetProperty("name").GetString()!;
                var digest = r.GetProperty("digest").GetString()!;
                digests.Add((name, digest));
                var local = inputs.File(name);
                if (local is null) problems.Add($"model.sig resource {name}: missing from the folder");
                else if (local.Sha256 != digest) problems.Add($"model.sig resource {name}: digest {digest} ≠ file {local.Sha256}");
            }
            var root = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                digests.OrderBy(d => d.Name, StringComparer.Ordinal).SelectMany(d => Convert.FromHexString(d.Digest)).ToArray()));
            var claimed = st.GetProperty("subject")[0].GetProperty("digest").GetProperty("sha256").GetString();
            if (claimed != root) problems.Add($"model.sig subject root digest {claimed} ≠ recomputed {root}");
            return problems.Count > 0
                ? new AuditCheck("A5", L, title, CheckStatus.Fail, string.Join("; ", problems))
                : new AuditCheck("A5", L, title, CheckStatus.Pass, $"{digests.Count} resource digests and the root digest match; signature not cryptographically verified");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            return new AuditCheck("A5", L, title, CheckStatus.Fail, $"model.sig: not a model-signing bundle ({e.Message})");
        }
    }

    /// <summary>
    /// A6: the checkpoint opens with the allow-listed reader (no pickle code runs), its weights identity, and the
    /// architecture against args.json and the card's claimed weights identity.
    /// </summary>
    public static (AuditCheck Check, string? WeightsSha256) Checkpoint(AuditInputs inputs)
    {
        const string title = "checkpoint loads safely, architecture as claimed";
        var ckpt = inputs.Checkpoint;
        if (ckpt is null)
        {
            var kind = inputs.Model?.Kind;
            return kind is not null && !kind.StartsWith("scgpt", StringComparison.Ordinal)
                ? (new AuditCheck("A6", L, title, CheckStatus.Skipped, $"`{kind}` is a closed-form baseline: no weights file (level D refits it from the data)"), null)
                : (new AuditCheck("A6", L, title, CheckStatus.Unverifiable, "no checkpoint (best_model.pt, *.pt or *.safetensors) in the folder"), null);
        }
        IReadOnlyList<KeyValuePair<string, StoredTensor>> tensors;
        try
        {
            tensors = TorchCheckpoint.ReadStateDict(inputs.FullPath(ckpt.Path));
        }
        catch (ScReproException e)
        {
            return (new AuditCheck("A6", L, title, CheckStatus.Fail, e.Message), null);
        }
        var sha = WeightIdentity.Sha256(tensors);
        var parameters = tensors.Sum(t => t.Value.ElementCount);
        var notes = new StringBuilder($"{ckpt.Path}: {tensors.Count} tensors, {parameters:N0} values, weights_sha256 {sha}");
        var problems = new List<string>();
        if (inputs.Card?.Screpro.TryGetValue("weights_sha256", out var claimed) == true && claimed != sha)
            problems.Add($"{inputs.Card.Document.File} front matter `screpro.weights_sha256` {claimed} ≠ {ckpt.Path} weights {sha}");
        problems.AddRange(ArchitectureProblems(inputs, tensors, notes));
        return problems.Count > 0
            ? (new AuditCheck("A6", L, title, CheckStatus.Fail, string.Join("; ", problems)), sha)
            : (new AuditCheck("A6", L, title, CheckStatus.Pass, notes.ToString()), sha);
    }

    /// <summary>scGPT: layer count and width from the tensor shapes against args.json (heads cannot be told from shapes).</summary>
    private static IEnumerable<string> ArchitectureProblems(AuditInputs inputs, IReadOnlyList<KeyValuePair<string, StoredTensor>> tensors, StringBuilder notes)
    {
        var layers = tensors.Select(t => t.Key).Where(k => k.StartsWith("transformer_encoder.layers.", StringComparison.Ordinal))
            .Select(k => k.Split('.')[2]).Distinct().Count();
        var inProj = tensors.FirstOrDefault(t => t.Key.EndsWith("self_attn.in_proj_weight", StringComparison.Ordinal)).Value;
        if (layers == 0 || inProj is null || inProj.Shape.Count != 2) yield break;
        var dModel = inProj.Shape[1];
        notes.Append($"; {layers} transformer layers, d_model {dModel} (in_proj [{string.Join(", ", inProj.Shape)}]; heads not identifiable from shapes)");
        if (inProj.Shape[0] != 3 * dModel) yield return $"self_attn.in_proj_weight shape [{string.Join(", ", inProj.Shape)}] is not [3·d, d]";
        if (inputs.File("args.json") is null) yield break;
        JsonElement args;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(inputs.FullPath("args.json")));
            args = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{inputs.FullPath("args.json")}: not JSON: {e.Message}");
        }
        if (args.TryGetProperty("nlayers", out var n) && n.ValueKind == JsonValueKind.Number && n.GetInt64() != layers)
            yield return $"args.json `nlayers` {n.GetInt64()} ≠ {layers} layers in the checkpoint";
        if (args.TryGetProperty("embsize", out var e2) && e2.ValueKind == JsonValueKind.Number && e2.GetInt64() != dModel)
            yield return $"args.json `embsize` {e2.GetInt64()} ≠ d_model {dModel} in the checkpoint";
    }

    private static bool IsFullSha(string rev) => rev.Length == 40 && rev.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static bool IsAuditSidecar(string path) => path.StartsWith("_api/", StringComparison.Ordinal);
}
