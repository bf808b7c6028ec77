using System.Text.Json;
using ScRepro.Foundation.IO;


namespace ScRepro.Core.Hashing;

/// <summary>
/// Remembers file hashes so a re-run does not re-read gigabytes: a cached hash is reused while the file's
/// relative path, size, mtime, ctime and inode are all unchanged (git's index keys the same): an edit whose mtime
/// was set back still moves the ctime, and a file replaced by rename has a new inode. Anything else is hashed again.
/// One cache per dataset (a relative path means nothing across datasets). The cache is an optimisation only: a
/// missing or unreadable cache file just means everything is hashed afresh; <c>bypass</c> ignores what it holds.
/// </summary>
public sealed class HashCache
{
    private readonly string _cachePath;
    private readonly SortedDictionary<string, HashCacheEntry> _entries;
    private bool _changed;

    private HashCache(string cachePath, SortedDictionary<string, HashCacheEntry> entries)
    {
        _cachePath = cachePath;
        _entries = entries;
    }

    /// <summary>How many files were actually read by <see cref="GetOrCompute"/> (the rest came from the cache).</summary>
    public int Computed { get; private set; }

    /// <summary>Opens the cache stored at <paramref name="cachePath"/> (JSON); starts empty when absent or unreadable.</summary>
    public static HashCache Load(string cachePath, bool bypass = false)
    {
        var entries = new SortedDictionary<string, HashCacheEntry>(StringComparer.Ordinal);
        if (!bypass && File.Exists(cachePath))
        {
            try
            {
                var stored = Json.Deserialize<HashCacheFile>(File.ReadAllText(cachePath));
                foreach (var entry in stored.Files ?? [])
                    if (FileHasher.IsSha256Hex(entry.Sha256) && DataPath.Problem(entry.Path) is null)
                        entries[entry.Path] = entry;
            }
            catch (JsonException)
            {
                // A damaged cache costs only time: rebuild it rather than stop the run.
                Terminal.Output.Info($"warning: ignoring unreadable hash cache {cachePath}");
            }
        }
        return new HashCache(cachePath, entries);
    }

    /// <summary>
    /// The sha256 of <paramref name="root"/>/<paramref name="relativePath"/>, from the cache when path, size and
    /// identity match, otherwise by reading the file (and remembering the result).
    /// </summary>
    public (string Sha256, long Size) GetOrCompute(string root, string relativePath, Action<long>? progress = null)
    {
        var full = DataPath.Resolve(root, relativePath);
        if (FileIdentity.Of(full) is not { } id) throw new FileNotFoundException($"{full}: file not found", full);
        if (_entries.TryGetValue(relativePath, out var hit) && Matches(hit, id))
            return (hit.Sha256, hit.Size);

        var sha = FileHasher.Sha256(full, progress);
        // Re-stat after hashing: a file rewritten while we read it must not be cached under its new identity.
        if (FileIdentity.Of(full) == id)
        {
            _entries[relativePath] = new HashCacheEntry(relativePath, id.Size, id.MtimeNs, id.CtimeNs, id.Inode, sha);
            _changed = true;
        }
        Computed++;
        return (sha, id.Size);
    }

    private static bool Matches(HashCacheEntry e, FileIdentity id) =>
        e.Size == id.Size && e.MtimeNs == id.MtimeNs && e.CtimeNs == id.CtimeNs && e.Inode == id.Inode;

    /// <summary>Forgets one path (e.g. after a file failed verification, so the next run re-reads it).</summary>
    public void Forget(string relativePath) => _changed |= _entries.Remove(relativePath);

    /// <summary>Writes the cache atomically when anything changed.</summary>
    public void Save()
    {
        if (!_changed) return;
        Json.WriteFile(_cachePath, new HashCacheFile(1, [.. _entries.Values]));
        _changed = false;
    }
}
