using System.Security.Cryptography;
using System.Text;

namespace ScRepro.Pipeline;

/// <summary>
/// The code a run is made with: the commit, the dirty flag and paths, and a state hash that stamps depend on.
/// The state hash is the commit when clean; when dirty, it also covers the contents of every dirty path outside
/// manifests/ (manifests are stage inputs in their own right), so editing code re-runs everything while editing
/// one model manifest re-runs only what uses that model.
/// </summary>
public sealed record CodeState(string Commit, string ShortCommit, string? Branch, string? Describe, bool Dirty,
    IReadOnlyList<string> DirtyPaths, string StateHash)
{
    /// <summary>runs/&lt;exp&gt;/&lt;this&gt;/ and reports/&lt;this&gt;/: the short commit, with "-dirty" when the tree is.</summary>
    public string RunName => Dirty ? ShortCommit + "-dirty" : ShortCommit;

    public static CodeState Create(string repoRoot, string commit, string shortCommit, string? branch, string? describe,
        bool dirty, IReadOnlyList<string> dirtyPaths)
    {
        var text = new StringBuilder(commit).Append('\n');
        foreach (var path in dirtyPaths.Where(IsCode).Order(StringComparer.Ordinal))
        {
            var full = Path.Combine(repoRoot, path);
            var hash = File.Exists(full) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))) : "deleted";
            text.Append(hash).Append("  ").Append(path).Append('\n');
        }
        var state = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new CodeState(commit, shortCommit, branch, describe, dirty, dirtyPaths, state);
    }

    /// <summary>Paths whose edits count as code changes: everything tracked except manifests and generated outputs.</summary>
    public static bool IsCode(string path) =>
        !(path.StartsWith("manifests/", StringComparison.Ordinal)
          || path.StartsWith("runs/", StringComparison.Ordinal)
          || path.StartsWith("data/", StringComparison.Ordinal)
          || path.StartsWith("artifacts/", StringComparison.Ordinal)
          || (path.StartsWith("reports/", StringComparison.Ordinal) && !path.StartsWith("reports/templates/", StringComparison.Ordinal))
          || path.EndsWith(".md", StringComparison.Ordinal) && !path.StartsWith("reports/templates/", StringComparison.Ordinal));
}
