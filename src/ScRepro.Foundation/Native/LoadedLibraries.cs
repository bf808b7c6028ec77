using System.Globalization;

namespace ScRepro.Foundation.Native;

/// <summary>
/// Which files the native libraries of this process were loaded from, read from /proc/self/maps (Linux): the real
/// file behind a soname or a probing rule, which is what a reader of provenance needs. Elsewhere nothing is known.
/// </summary>
public static class LoadedLibraries
{
    private const string Maps = "/proc/self/maps";

    /// <summary>The file mapped at <paramref name="address"/> (e.g. an export's address), or null.</summary>
    public static string? FileContaining(IntPtr address)
    {
        var at = (ulong)address;
        foreach (var (start, end, file) in Mappings())
            if (at >= start && at < end) return file;
        return null;
    }

    /// <summary>The distinct mapped files whose name starts with <paramref name="prefix"/> (e.g. "libgit2"), in map order.</summary>
    public static IReadOnlyList<string> FilesNamed(string prefix) =>
        Mappings().Select(m => m.File)
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<(ulong Start, ulong End, string File)> Mappings()
    {
        if (!File.Exists(Maps)) yield break;
        foreach (var line in File.ReadLines(Maps))
        {
            // start-end perms offset dev inode path (path absent for anonymous mappings)
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || !fields[5].StartsWith('/')) continue;
            var dash = fields[0].IndexOf('-');
            yield return (ulong.Parse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                          ulong.Parse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                          fields[5].Trim());
        }
    }
}
