using ScRepro.Foundation.IO;
using ScRepro.Testing;

namespace ScRepro.Core.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Should_leave_no_file_when_the_writer_throws()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("out.json");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("boom");
        }));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Should_replace_an_existing_file_whole()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("a.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }
}
