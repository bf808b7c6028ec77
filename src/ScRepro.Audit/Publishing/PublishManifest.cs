using ScRepro.Core.Errors;
using ScRepro.Core.Hashing;

namespace ScRepro.Audit.Publishing;

/// <summary>
/// SHA256SUMS: the upload folder's manifest, one "&lt;sha256&gt;  &lt;path&gt;" line per file in ordinal path order, exactly
/// what `sha256sum` prints, so `sha256sum -c SHA256SUMS` checks the folder without ScRepro. It lists every file but itself.
/// </summary>
public static class PublishManifest
{
    /// <summary>The manifest's file name in the folder.</summary>
    public const string FileName = "SHA256SUMS";

    /// <summary>The manifest text for (path, sha256) pairs.</summary>
    public static string Format(IEnumerable<(string Path, string Sha256)> files) =>
        string.Concat(files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Sha256}  {f.Path}\n"));

    /// <summary>Reads a manifest; a malformed line is an error naming the file and the line (exit 2).</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var sep = lines[i].IndexOf("  ", StringComparison.Ordinal);
            var sha = sep < 0 ? "" : lines[i][..sep];
            var file = sep < 0 ? "" : lines[i][(sep + 2)..];
            if (!FileHasher.IsSha256Hex(sha) || file.Length == 0 || file.StartsWith('/') || file.Split('/').Contains(".."))
                throw new ScReproException($"{path}:{i + 1}: expected '<64 hex sha256>  <relative path>', got '{lines[i]}'");
            if (!map.TryAdd(file, sha)) throw new ScReproException($"{path}:{i + 1}: {file} is listed twice");
        }
        return map;
    }
}
