using ScRepro.Foundation.Errors;
using ScRepro.Core.Hashing;
using ScRepro.Foundation.IO;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Hashing;

/// <summary>
/// What the file system can hide from a path string (issue 19 items 3 and 4): an edit whose mtime was set back, a
/// symlink out of the data folder.
/// </summary>
public sealed class FileSystemTrustTests
{
    private static readonly DateTime Stamp = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Should_rehash_a_file_rewritten_with_its_old_size_and_mtime()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "xyz");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp);
        var cache = HashCache.Load(dir.File("c.json"));
        cache.GetOrCompute(dir.Path, "x.bin");
        cache.Save();
        Thread.Sleep(20); // ctime has nanosecond resolution, but give a coarse file system a tick

        // `touch -r`-style forgery: same length, mtime put back. ctime moves whatever the writer does.
        File.WriteAllText(dir.File("x.bin"), "abc");
        File.SetLastWriteTimeUtc(dir.File("x.bin"), Stamp);
        var again = HashCache.Load(dir.File("c.json"));
        // sha256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", again.GetOrCompute(dir.Path, "x.bin").Sha256);
        Assert.Equal(1, again.Computed);
    }

    [Fact]
    public void Should_ignore_the_cache_when_bypassed()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "abc");
        var cache = HashCache.Load(dir.File("c.json"));
        cache.GetOrCompute(dir.Path, "x.bin");
        cache.Save();
        Assert.Equal(0, ReadBack(dir, bypass: false));
        Assert.Equal(1, ReadBack(dir, bypass: true));
    }

    private static int ReadBack(TempDir dir, bool bypass)
    {
        var c = HashCache.Load(dir.File("c.json"), bypass);
        c.GetOrCompute(dir.Path, "x.bin");
        return c.Computed;
    }

    [Fact]
    public void Should_see_a_file_replaced_by_rename_as_another_file()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.bin"), "abc");
        var before = FileIdentity.Of(dir.File("x.bin"))!.Value;
        File.WriteAllText(dir.File("y.bin"), "abc");
        File.Move(dir.File("y.bin"), dir.File("x.bin"), overwrite: true);
        File.SetLastWriteTimeUtc(dir.File("x.bin"), DateTime.UnixEpoch.AddTicks(before.MtimeNs / 100));
        var after = FileIdentity.Of(dir.File("x.bin"))!.Value;
        Assert.Equal(before.Size, after.Size);
        Assert.NotEqual(before, after);
        if (OperatingSystem.IsLinux()) Assert.NotEqual(before.Inode, after.Inode);
    }

    [Fact]
    public void Should_refuse_a_symlink_out_of_the_data_folder_for_reads_and_writes()
    {
        using var dir = TestPaths.NewTempDir();
        using var outside = TestPaths.NewTempDir();
        var data = Directory.CreateDirectory(dir.File("data")).FullName;
        File.WriteAllText(outside.File("secret.txt"), "s");
        File.CreateSymbolicLink(Path.Combine(data, "file.txt"), outside.File("secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(data, "sub"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(data, "dangling"), outside.File("nothing-here"));

        var read = Assert.Throws<ScReproException>(() => DataPath.Resolve(data, "file.txt"));
        Assert.Contains("file.txt leads outside", read.Message);
        // A write below a linked folder (a download's target that does not exist yet) is refused too.
        var write = Assert.Throws<ScReproException>(() => DataPath.Resolve(data, "sub/new/file.bin"));
        Assert.Contains("sub leads outside", write.Message);
        var dangling = Assert.Throws<ScReproException>(() => DataPath.Resolve(data, "dangling"));
        Assert.Contains("does not exist", dangling.Message);

        // Links that stay inside are fine, and so is a data folder that is itself a link (data on another disk).
        File.WriteAllText(Path.Combine(data, "real.txt"), "r");
        File.CreateSymbolicLink(Path.Combine(data, "alias.txt"), "real.txt");
        Assert.EndsWith("alias.txt", DataPath.Resolve(data, "alias.txt"));
        var linkedRoot = dir.File("linked-data");
        Directory.CreateSymbolicLink(linkedRoot, data);
        Assert.EndsWith("real.txt", DataPath.Resolve(linkedRoot, "real.txt"));
    }
}
