using System.Collections.Concurrent;
using ScRepro.Core.Hashing;
using ScRepro.Foundation.IO;

namespace ScRepro.Pipeline.Stamps;

/// <summary>
/// sha256 of the files stamps chain through (a unit's outputs, the upstream outputs it read), remembered for the
/// process while the file's size, mtime, ctime and inode stay the same: a status check of six stages hashes each
/// prediction file once, and a file changed in between is read again.
/// </summary>
public static class ContentHashes
{
    private static readonly ConcurrentDictionary<string, (FileIdentity Id, string Sha256)> Memo = new(StringComparer.Ordinal);

    /// <summary>The file's sha256, or null when it does not exist.</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (FileIdentity.Of(full) is not { } id) return null;
        if (Memo.TryGetValue(full, out var hit) && hit.Id == id) return hit.Sha256;
        var sha = FileHasher.Sha256(full);
        if (FileIdentity.Of(full) == id) Memo[full] = (id, sha);
        return sha;
    }

    /// <summary>The sha256 of each named output under <paramref name="dir"/>, sorted by name.</summary>
    public static SortedDictionary<string, string> OfOutputs(string dir, IEnumerable<string> outputs)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in outputs)
            result[output] = Of(Path.Combine(dir, output)) ?? throw new FileNotFoundException($"{Path.Combine(dir, output)} is missing");
        return result;
    }
}
