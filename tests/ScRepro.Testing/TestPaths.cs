namespace ScRepro.Testing;

/// <summary>Locates the repository, committed fixtures and ../shared from inside a test run.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the first ancestor of the test binary holding ScRepro.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>tests/fixtures/&lt;area&gt;: small committed files and the scripts that made them.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([RepoRoot, "tests", "fixtures", .. parts]);

    /// <summary>
    /// The read-only ../shared material (never copied into the project): SCREPRO_SHARED when set, else ../shared beside
    /// the checkout, else ../shared beside the repository this one was cloned from when that is a local path (a fresh
    /// clone made elsewhere, e.g. `git clone -q . /tmp/x`, still finds the material its origin sits next to).
    /// </summary>
    public static string SharedRoot { get; } = FindShared();

    public static string Shared(params string[] parts) => Path.Combine([SharedRoot, .. parts]);

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempDir NewTempDir() => new();

    private static string FindShared()
    {
        if (Environment.GetEnvironmentVariable("SCREPRO_SHARED") is { Length: > 0 } env) return env;
        var beside = Path.Combine(Path.GetDirectoryName(RepoRoot)!, "shared");
        if (Directory.Exists(beside)) return beside;
        var origin = OriginPath();
        var besideOrigin = origin is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(origin))!, "shared");
        return besideOrigin is not null && Directory.Exists(besideOrigin) ? besideOrigin : beside;
    }

    /// <summary>remote.origin.url when it names a folder on this machine (a clone of a local checkout), else null.</summary>
    private static string? OriginPath()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("git", ["config", "--get", "remote.origin.url"])
        {
            WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        try
        {
            using var git = System.Diagnostics.Process.Start(psi)!;
            var url = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            if (url.StartsWith("file://", StringComparison.Ordinal)) url = new Uri(url).LocalPath;
            return git.ExitCode == 0 && Path.IsPathRooted(url) && Directory.Exists(url) ? url.TrimEnd('/') : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on PATH: only ../shared beside the checkout counts
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScRepro.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ScRepro.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "screpro-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }
    public string Path { get; }
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
