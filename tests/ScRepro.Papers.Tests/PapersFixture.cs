using ScRepro.Core.Download;
using ScRepro.Core.Manifests;
using ScRepro.Papers;
using ScRepro.Testing;

namespace ScRepro.Papers.Tests;

/// <summary>A temporary project holding a copy of the repository's manifests/papers.yaml, and a fake of the three services.</summary>
internal sealed class PapersFixture : IDisposable
{
    public static readonly DateTimeOffset Clock = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public PapersFixture(string? registry = null)
    {
        Dir = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(Dir.Path, "manifests"));
        File.WriteAllText(RegistryFile, registry ?? File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "manifests", PaperRegistry.FileName)));
    }

    public TempDir Dir { get; }

    public FakePaperApi Api { get; } = new();

    public string RegistryFile => Path.Combine(Dir.Path, "manifests", PaperRegistry.FileName);

    public string LockFile => Path.Combine(Dir.Path, "manifests", PaperLock.FileName);

    public PaperRegistry Registry => PaperRegistryLoader.Load(RegistryFile);

    public PaperEndpoints Endpoints => new(Api.Biorxiv.TrimEnd('/'), Api.Crossref.TrimEnd('/'), Api.Doi.TrimEnd('/'));

    /// <summary>Millisecond backoff, three attempts: the retry paths run in well under a second.</summary>
    public static PaperClient Client() => new(new DownloadOptions
    {
        MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5),
    });

    public PaperLockDocument Fetch(params string[] only)
    {
        using var client = Client();
        return PaperFetcher.Fetch(Registry, LockFile, Endpoints, client, only, "test", () => Clock);
    }

    public IReadOnlyList<PaperFinding> Check()
    {
        using var client = Client();
        var registry = Registry;
        return PaperChecker.Check(registry, PaperLock.Load(LockFile, registry), Endpoints, client);
    }

    public void Dispose()
    {
        Api.Dispose();
        Dir.Dispose();
    }
}
