namespace ScRepro.Testing;

/// <summary>Locates the repository, committed fixtures and ../shared from inside a test run.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the first ancestor of the test binary holding ScRepro.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>tests/fixtures/&lt;area&gt;: small committed files and the scripts that made them.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([RepoRoot, "tests", "fixtures", .. parts]);

    /// <summary>../shared beside the checkout (read-only material; never copied into the project).</summary>
    public static string Shared(params string[] parts) =>
        Path.Combine([Path.GetDirectoryName(RepoRoot)!, "shared", .. parts]);

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempDir NewTempDir() => new();

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
