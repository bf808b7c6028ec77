using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Manifests;

/// <summary>Paths from manifests and archives: POSIX, relative, and never leaving their root folder.</summary>
public static class SafePath
{
    /// <summary>Checks <paramref name="relative"/> and returns it resolved under <paramref name="root"/>.</summary>
    public static string Resolve(string root, string relative, string what)
    {
        if (string.IsNullOrWhiteSpace(relative)) throw new ScReproException($"{what}: empty path");
        if (relative.Contains('\\') || relative.Contains('\0'))
            throw new ScReproException($"{what}: '{relative}' must be a POSIX relative path");
        if (relative.StartsWith('/') || System.IO.Path.IsPathRooted(relative))
            throw new ScReproException($"{what}: '{relative}' is absolute; paths must stay inside the data folder");
        var rootFull = System.IO.Path.GetFullPath(root);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(rootFull, relative));
        var prefix = rootFull.EndsWith('/') ? rootFull : rootFull + "/";
        if (!full.StartsWith(prefix, StringComparison.Ordinal) || relative.Split('/').Contains(".."))
            throw new ScReproException($"{what}: '{relative}' leaves the data folder");
        return full;
    }
}
