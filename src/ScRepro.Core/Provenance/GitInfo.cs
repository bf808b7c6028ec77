using LibGit2Sharp;
using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Provenance;

/// <summary>
/// The state of the code a result came from: HEAD's commit, branch, <c>git describe --tags --always</c>, and whether
/// the working tree differs from HEAD (modified, staged, deleted or untracked files, ignored ones excluded).
/// Outside a git repository every field says so (<see cref="Unknown"/>) instead of failing: a tarball checkout can
/// still run, and its cards say the commit is unknown.
/// </summary>
public sealed record GitInfo(
    string Commit,
    string ShortCommit,
    string? Branch,
    string? Describe,
    bool Dirty,
    IReadOnlyList<string> DirtyPaths,
    bool IsRepository)
{
    /// <summary>Length of <see cref="ShortCommit"/>: git's default abbreviation.</summary>
    public const int ShortLength = 7;

    /// <summary>The value for a folder that is not inside a git repository (or a repository with no commit yet).</summary>
    public const string UnknownCommit = "unknown";

    /// <summary>The result for a folder outside any git repository.</summary>
    public static GitInfo Unknown { get; } = new(UnknownCommit, UnknownCommit, null, null, false, [], false);

    /// <summary>The folder name for outputs of this state: <c>&lt;short-commit&gt;</c>, or <c>&lt;short-commit&gt;-dirty</c> (issue 3 item 6).</summary>
    public string FolderName() => Dirty ? ShortCommit + "-dirty" : ShortCommit;

    /// <summary>Reads the repository containing <paramref name="path"/> (searching upwards, worktrees included).</summary>
    public static GitInfo Read(string path)
    {
        LibGit2Native.EnsureRegistered();
        try
        {
            var gitDir = Repository.Discover(Path.GetFullPath(path));
            if (gitDir is null) return Unknown;
            using var repo = new Repository(gitDir);
            var tip = repo.Head.Tip;
            var branch = repo.Info.IsHeadDetached ? null : repo.Head.FriendlyName;
            var dirtyPaths = DirtyPathsOf(repo);
            if (tip is null)
                return new GitInfo(UnknownCommit, UnknownCommit, branch, null, dirtyPaths.Count > 0, dirtyPaths, true);
            var describe = repo.Describe(tip, new DescribeOptions
            {
                Strategy = DescribeStrategy.Tags,
                UseCommitIdAsFallback = true,
                MinimumCommitIdAbbreviatedSize = ShortLength,
            });
            return new GitInfo(tip.Sha, tip.Sha[..ShortLength], branch, describe, dirtyPaths.Count > 0, dirtyPaths, true);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new ScReproException(
                $"{path}: cannot read git provenance: the system libgit2 (Debian package libgit2-1.5) could not be loaded: {e.GetBaseException().Message}",
                inner: e);
        }
        catch (LibGit2SharpException e)
        {
            throw new ScReproException($"{path}: cannot read git provenance: {e.Message}", inner: e);
        }
    }

    /// <summary>The tree is dirty when status lists anything but ignored files; paths are repository-relative, sorted.</summary>
    private static List<string> DirtyPathsOf(Repository repo)
    {
        var status = repo.RetrieveStatus(new StatusOptions
        {
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
            IncludeUnaltered = false,
        });
        return status
            .Where(e => e.State != FileStatus.Ignored && e.State != FileStatus.Unaltered)
            .Select(e => e.FilePath.Replace('\\', '/'))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }
}
