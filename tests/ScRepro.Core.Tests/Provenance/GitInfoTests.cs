using ScRepro.Core.Provenance;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Provenance;

/// <summary>
/// GitInfo over LibGit2Sharp 0.29 on Debian's libgit2 1.5, checked against the git CLI on temporary repositories.
/// Each test exercises one libgit2 call path (open/discover, head, status, describe) so an ABI break shows up here.
/// </summary>
public sealed class GitInfoTests
{
    [Fact]
    public void Should_read_commit_and_branch_of_a_clean_repository()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "one\n");
        repo.Commit("first");

        var info = GitInfo.Read(repo.Path);

        Assert.True(info.IsRepository);
        Assert.Equal(repo.Git("rev-parse", "HEAD"), info.Commit);
        Assert.Equal(info.Commit[..7], info.ShortCommit);
        Assert.Equal("main", info.Branch);
        Assert.False(info.Dirty);
        Assert.Empty(info.DirtyPaths);
        Assert.Equal(info.ShortCommit, info.FolderName());
        // No tag: `git describe --tags --always` falls back to the abbreviated commit.
        Assert.Equal(repo.Git("describe", "--tags", "--always"), info.Describe);
    }

    [Fact]
    public void Should_list_modified_untracked_staged_and_deleted_paths_sorted()
    {
        using var repo = new TempRepo();
        repo.Write("tracked.txt", "one\n");
        repo.Write("gone.txt", "bye\n");
        repo.Write(".gitignore", "ignored.log\n");
        repo.Commit("first");
        repo.Write("tracked.txt", "two\n");          // modified in the work tree
        repo.Write("sub/new.txt", "new\n");          // untracked, inside an untracked folder
        repo.Write("b-staged.txt", "staged\n");      // new and staged
        repo.Git("add", "b-staged.txt");
        File.Delete(Path.Combine(repo.Path, "gone.txt"));
        repo.Write("ignored.log", "noise\n");        // ignored: not dirty

        var info = GitInfo.Read(Path.Combine(repo.Path, "sub"));   // discovery from a subfolder

        Assert.True(info.Dirty);
        // Expected list: `git status --porcelain --untracked-files=all` paths, sorted ordinally.
        var cli = repo.Git("status", "--porcelain", "--untracked-files=all").Split('\n')
            .Select(l => l[3..]).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.Equal(["b-staged.txt", "gone.txt", "sub/new.txt", "tracked.txt"], cli);
        Assert.Equal(cli, info.DirtyPaths);
        Assert.Equal(info.ShortCommit + "-dirty", info.FolderName());
    }

    [Fact]
    public void Should_report_no_branch_on_a_detached_head()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        repo.Commit("first");
        var first = repo.Git("rev-parse", "HEAD");
        repo.Write("a.txt", "2\n");
        repo.Commit("second");
        repo.Git("checkout", "-q", "--detach", first);

        var info = GitInfo.Read(repo.Path);

        Assert.Equal(first, info.Commit);
        Assert.Null(info.Branch);
        Assert.False(info.Dirty);
    }

    [Fact]
    public void Should_describe_like_git_describe_tags()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        repo.Commit("first");
        repo.Git("tag", "v0.1.0");
        Assert.Equal("v0.1.0", GitInfo.Read(repo.Path).Describe);

        repo.Write("a.txt", "2\n");
        repo.Commit("second");
        repo.Write("a.txt", "3\n");
        repo.Commit("third");
        repo.Git("tag", "-a", "v0.2.0-rc", "-m", "annotated", "HEAD~1");

        // Expected: the CLI's own answer, e.g. v0.2.0-rc-1-g<7 hex> (annotated tag one commit back).
        var expected = repo.Git("describe", "--tags", "--always");
        Assert.StartsWith("v0.2.0-rc-1-g", expected);
        Assert.Equal(expected, GitInfo.Read(repo.Path).Describe);
    }

    [Fact]
    public void Should_say_unknown_outside_a_repository()
    {
        using var dir = TestPaths.NewTempDir();
        var info = GitInfo.Read(dir.Path);
        Assert.False(info.IsRepository);
        Assert.Equal("unknown", info.Commit);
        Assert.Null(info.Branch);
        Assert.False(info.Dirty);
    }

    [Fact]
    public void Should_read_a_repository_with_no_commit_yet()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        var info = GitInfo.Read(repo.Path);
        Assert.True(info.IsRepository);
        Assert.Equal("unknown", info.Commit);
        Assert.Equal(["a.txt"], info.DirtyPaths);
    }

    [Fact]
    public void Should_read_a_linked_worktree_like_this_checkout()
    {
        // ScRepro's own checkouts are often `git worktree`s, whose .git is a file pointing into the main repository.
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        repo.Commit("first");
        using var other = TestPaths.NewTempDir();
        var worktree = Path.Combine(other.Path, "wt");
        repo.Git("worktree", "add", "-q", "-b", "feature", worktree);
        File.WriteAllText(Path.Combine(worktree, "b.txt"), "x\n");

        var info = GitInfo.Read(worktree);

        Assert.Equal(repo.Git("rev-parse", "HEAD"), info.Commit);
        Assert.Equal("feature", info.Branch);
        Assert.Equal(["b.txt"], info.DirtyPaths);
    }

    [Fact]
    public void Should_agree_with_git_on_this_checkout()
    {
        // Where the suite runs: a clone or a worktree of ScRepro (cards must carry its HEAD). Oracle: the git CLI there.
        var start = new System.Diagnostics.ProcessStartInfo("git", ["rev-parse", "HEAD"])
            { WorkingDirectory = TestPaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = System.Diagnostics.Process.Start(start)!;
        var head = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();

        var info = GitInfo.Read(TestPaths.RepoRoot);

        if (git.ExitCode != 0) Assert.False(info.IsRepository);   // an exported tarball: no repository to read
        else Assert.Equal(head, info.Commit);
    }
}
