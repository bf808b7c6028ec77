using ScRepro.Core.Provenance;
using ScRepro.Foundation.Native;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Provenance;

/// <summary>
/// GitInfo over LibGit2Sharp 0.32 and the libgit2 its NativeBinaries package bundles, checked against the git CLI on
/// temporary repositories: clean, dirty, renamed, unicode names, detached, tagged, worktree, empty, not a repository,
/// and owned by another user.
/// </summary>
[Collection(GitCollection.Name)]
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
        var cli = repo.CliDirtyPaths();
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

    [Fact]
    public void Should_list_both_paths_of_a_rename_staged_or_not()
    {
        using var repo = new TempRepo();
        repo.Write("old-name.txt", "same content\n");
        repo.Write("moved.txt", "other\n");
        repo.Commit("first");
        repo.Git("mv", "old-name.txt", "new-name.txt");                       // staged rename
        File.Move(Path.Combine(repo.Path, "moved.txt"), Path.Combine(repo.Path, "moved-again.txt"));   // work-tree rename

        var info = GitInfo.Read(repo.Path);

        // Oracle: `git status --no-renames` lists a rename as its deletion and its addition.
        var cli = repo.CliDirtyPaths();
        Assert.Equal(["moved-again.txt", "moved.txt", "new-name.txt", "old-name.txt"], cli);
        Assert.Equal(cli, info.DirtyPaths);
    }

    [Fact]
    public void Should_return_unicode_paths_as_written()
    {
        using var repo = new TempRepo();
        repo.Write("café/naïve ü.txt", "1\n");
        repo.Write("Ωmega.txt", "1\n");
        repo.Commit("first");
        repo.Write("café/naïve ü.txt", "2\n");
        repo.Write("日本/データ 🧬.txt", "new\n");

        var info = GitInfo.Read(repo.Path);

        // Oracle: the CLI's -z output, which prints names unquoted (the default quotes bytes over 0x80 as octal).
        var cli = repo.CliDirtyPaths();
        Assert.Equal(["café/naïve ü.txt", "日本/データ 🧬.txt"], cli);
        Assert.Equal(cli, info.DirtyPaths);
        Assert.Equal(repo.Git("rev-parse", "HEAD"), info.Commit);
    }

    [Fact]
    public void Should_load_the_libgit2_that_LibGit2Sharp_bundles_not_a_system_one()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        repo.Commit("first");
        _ = GitInfo.Read(repo.Path);
        if (!File.Exists("/proc/self/maps")) return;   // Linux only: the mapping table says which file was loaded

        // Every libgit2 mapped into this process is the NativeBinaries copy beside the test assembly
        // (runtimes/<rid>/native/libgit2-<commit>.so), never /usr/lib's libgit2.so.1.x.
        var libgit2 = LoadedLibraries.FilesNamed("libgit2");
        var path = Assert.Single(libgit2);
        Assert.StartsWith(Path.Combine(AppContext.BaseDirectory, "runtimes"), path);
        Assert.Matches(@"/native/libgit2-[0-9a-f]{7}\.so$", path);
        // And env/provenance's description names that file and the version the file itself reports (1.x).
        Assert.Matches(@"^libgit2 1\.\d+\.\d+ \(LibGit2Sharp 0\.32\.\d+; ", GitLibrary.Describe());
        Assert.EndsWith(path + ")", GitLibrary.Describe());
    }

    [Fact]
    public void Should_refuse_a_repository_owned_by_another_user_naming_safe_directory_then_read_it_once_marked_safe()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        repo.Commit("first");
        repo.Write("a.txt", "2\n");
        repo.Write("b.txt", "new\n");
        // Another owner needs chown, which needs root (CI and the developers' machines run as root).
        if (!Chown(repo.Path, 4242)) return;

        var e = Assert.Throws<ScRepro.Foundation.Errors.ScReproException>(() => GitInfo.Read(repo.Path));
        Assert.Contains($"git config --global --add safe.directory {repo.Path}", e.Message);
        Assert.Contains("owned by another user", e.Message);

        // Marked safe in the global config (here a temporary one, the process-wide search path libgit2 reads it
        // from), the same repository gives its commit and dirty paths: the CLI's answers with the same marking.
        using var home = TestPaths.NewTempDir();
        File.WriteAllText(home.File(".gitconfig"), $"[safe]\n\tdirectory = {repo.Path}\n");
        LibGit2Sharp.GlobalSettings.SetConfigSearchPaths(LibGit2Sharp.ConfigurationLevel.Global, home.Path);
        try
        {
            var info = GitInfo.Read(repo.Path);
            Assert.Equal(repo.Git("-c", "safe.directory=*", "rev-parse", "HEAD"), info.Commit);
            Assert.Equal(["a.txt", "b.txt"], repo.CliDirtyPaths());
            Assert.Equal(repo.CliDirtyPaths(), info.DirtyPaths);
            Assert.True(info.Dirty);
        }
        finally
        {
            LibGit2Sharp.GlobalSettings.SetConfigSearchPaths(LibGit2Sharp.ConfigurationLevel.Global, null);
        }
    }

    /// <summary>chown -R to <paramref name="uid"/>; false where this user may not (not root).</summary>
    private static bool Chown(string path, int uid)
    {
        var start = new System.Diagnostics.ProcessStartInfo("chown", ["-R", $"{uid}:{uid}", path])
            { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(start)!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
