using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Hashing;

/// <summary>
/// Checks the relative POSIX paths that lock files and manifests use: no absolute paths, no `..`, no backslashes,
/// no empty or `.` segments, no control characters (a newline would break the canonical form's one-line-per-file).
/// </summary>
public static class DataPath
{
    /// <summary>Returns <paramref name="path"/> unchanged when valid; otherwise throws naming <paramref name="context"/>.</summary>
    public static string Check(string path, string context)
    {
        var why = Problem(path);
        if (why is not null)
            throw new ScReproException($"{context}: path '{path}' is not allowed: {why}");
        return path;
    }

    /// <summary>The reason <paramref name="path"/> is not a clean relative POSIX path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrEmpty(path)) return "it is empty";
        if (path.Any(char.IsControl)) return "it contains a control character";
        if (path.Contains('\\')) return "it contains a backslash (paths are POSIX, '/'-separated)";
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':')) return "it is absolute";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) return "it has an empty segment ('//' or a trailing '/')";
            if (segment == ".") return "it has a '.' segment";
            if (segment == "..") return "it leaves its folder ('..')";
        }
        return null;
    }

    /// <summary>Joins a checked relative POSIX path onto a local folder; a symlink may not lead out of the folder.</summary>
    public static string Resolve(string root, string relativePath)
    {
        var full = Path.Combine([Path.GetFullPath(root), .. Check(relativePath, root).Split('/')]);
        Foundation.IO.RealPath.CheckInside(root, full, $"{root}: '{relativePath}'");
        return full;
    }
}
