using ScRepro.Core.Hashing;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Hashing;

public sealed class HashCacheTests
{
    private static readonly DateTime Stamp = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Should_reuse_a_hash_while_size_and_mtime_are_unchanged_across_runs()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "xyz");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp);
        var cachePath = dir.File(".cache/hashes.json");

        var first = HashCache.Load(cachePath);
        var (sha, size) = first.GetOrCompute(dir.Path, "x.bin");
        first.Save();
        Assert.Equal(1, first.Computed);
        Assert.Equal(3, size);

        // The same file, untouched: the cache answers without reading it. (A rewrite with its old size and mtime is
        // read again, since its ctime moved: FileSystemTrustTests.)
        var second = HashCache.Load(cachePath);
        Assert.Equal(sha, second.GetOrCompute(dir.Path, "x.bin").Sha256);
        Assert.Equal(0, second.Computed);
    }

    [Fact]
    public void Should_rehash_when_the_mtime_or_size_changes()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "xyz");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp);
        var cache = HashCache.Load(dir.File("c.json"));
        cache.GetOrCompute(dir.Path, "x.bin");

        File.WriteAllText(dir.File("x.bin"), "abc");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp.AddSeconds(1));
        // SHA-256("abc"), FIPS 180-2 B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", cache.GetOrCompute(dir.Path, "x.bin").Sha256);

        File.WriteAllText(dir.File("x.bin"), "abcd");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp.AddSeconds(1));
        Assert.Equal(4, cache.GetOrCompute(dir.Path, "x.bin").Size);
        Assert.Equal(3, cache.Computed);
    }

    [Fact]
    public void Should_start_afresh_from_a_damaged_cache_file()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "abc");
        File.WriteAllText(dir.File("c.json"), "{ not json");
        var cache = HashCache.Load(dir.File("c.json"));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", cache.GetOrCompute(dir.Path, "x.bin").Sha256);
        cache.Save();
        Assert.Contains("\"ctime_ns\"", File.ReadAllText(dir.File("c.json")));
    }

    [Fact]
    public void Should_let_verification_catch_tampering_that_changed_the_mtime()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "xyz");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp);
        var cache = HashCache.Load(dir.File("c.json"));
        var lockFile = LockFile.Pin("d", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", dir.Path,
            [new ExpectedFile("x.bin")], cache: cache);
        File.WriteAllText(dir.File("x.bin"), "xyZ");   // an ordinary edit moves the mtime
        Assert.Throws<ScRepro.Foundation.Errors.ScReproException>(() => lockFile.Verify(dir.Path, cache));
    }
}
