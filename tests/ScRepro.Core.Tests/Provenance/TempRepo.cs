using System.Diagnostics;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Provenance;

/// <summary>A throw-away git repository driven by the git CLI, which is also the oracle GitInfo is compared with.</summary>
internal sealed class TempRepo : IDisposable
{
    private readonly TempDir _dir = TestPaths.NewTempDir();

    public TempRepo()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "test@example.org");
        Git("config", "user.name", "ScRepro Test");
        Git("config", "commit.gpgsign", "false");
    }

    public string Path => _dir.Path;

    public void Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    /// <summary>
    /// The oracle for GitInfo.DirtyPaths: `git status --porcelain -z --untracked-files=all --no-renames` (NUL-separated,
    /// so names are unquoted UTF-8), the paths sorted ordinally.
    /// </summary>
    public string[] CliDirtyPaths() =>
        GitRaw("-c", "safe.directory=*", "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry[3..]).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    /// <summary>Runs git in the repository and returns its trimmed stdout; a failure fails the test.</summary>
    public string Git(params string[] args) => GitRaw(args).Trim();

    /// <summary>Runs git in the repository and returns its stdout as printed.</summary>
    public string GitRaw(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.StandardOutputEncoding = System.Text.Encoding.UTF8;
        // Keep the user's global config (signing, hooks, default branch) out of the test repository.
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr}");
        return stdout;
    }

    public void Dispose() => _dir.Dispose();
}
