using ScRepro.Audit.Model;
using ScRepro.Core.Errors;
using ScRepro.Core.Hashing;

namespace ScRepro.Audit.Identity;

/// <summary>
/// The files of an audited folder, as the Hub would see them: POSIX paths relative to the root in ordinal order, each
/// with size, sha256 and git blob id. `.cache/huggingface/` (written by `hf download --local-dir`) and `.git/` are not
/// part of the model; a symbolic link is refused (it could point anywhere on this machine).
/// </summary>
public static class FolderScan
{
    private static readonly string[] Ignored = [".cache/huggingface/", ".git/"];

    /// <summary>Scans <paramref name="root"/>; throws (exit 2) naming a symlink or an unreadable folder.</summary>
    public static IReadOnlyList<AuditedFile> Scan(string root)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root)) throw new ScReproException($"--dir {root}: no such folder");
        var files = new List<AuditedFile>();
        foreach (var full in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (Ignored.Any(i => (rel + "/").StartsWith(i, StringComparison.Ordinal))) continue;
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
                throw new ScReproException($"{full}: is a symbolic link (to {info.LinkTarget}); an audited folder holds plain files only");
            if (Directory.Exists(full)) continue;
            files.Add(new AuditedFile(rel, info.Length, FileHasher.Sha256(full), GitBlob.Sha1(full), null, null));
        }
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// OpenSSF model-signing root digest: sha256 over the concatenated raw 32-byte sha256 digests of the files in
    /// path order (model-transparency _signing/signing.py), with its default ignore paths and the signature left out.
    /// </summary>
    public static string OmsRootDigest(IEnumerable<AuditedFile> files)
    {
        var ignore = new[] { ".git/", ".gitattributes", ".github/", ".gitignore", "model.sig" };
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var f in files.Where(f => !ignore.Any(i => f.Path == i || f.Path.StartsWith(i, StringComparison.Ordinal)))
                     .OrderBy(f => f.Path, StringComparer.Ordinal))
            hash.AppendData(Convert.FromHexString(f.Sha256));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>in-toto DigestSet `dirHash` (Go's h1, lower-case hex): sha256 of "&lt;sha256&gt;  &lt;path&gt;\n" lines in path order.</summary>
    public static string DirHash1(IEnumerable<AuditedFile> files) =>
        TextHash.Sha256Lines(files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Sha256}  {f.Path}"));
}
