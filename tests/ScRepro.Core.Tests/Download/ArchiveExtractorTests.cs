using ScRepro.Core.Download;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Download;

/// <summary>Archives made by Python's tarfile/zipfile: tests/fixtures/core/scripts/make_archives.py.</summary>
public sealed class ArchiveExtractorTests
{
    private static string Fixture(string name) => TestPaths.Fixture("core", name);

    [Fact]
    public void Should_extract_a_tar_gz_with_folders_links_and_hard_links()
    {
        using var dir = TestPaths.NewTempDir();
        var target = dir.File("norman2019");

        var files = ArchiveExtractor.Extract(Fixture("good.tar.gz"), ArchiveKind.TarGz, target);

        // The regular files and the hard link (materialised as a copy), sorted ordinally; the symlink is not a file entry.
        Assert.Equal(["norman/copy.csv", "norman/go.csv", "norman/perturb_processed.h5ad"], files);
        Assert.Equal("gene,go\nA,1\n", File.ReadAllText(Path.Combine(target, "norman", "copy.csv")));
        Assert.Equal("go.csv", new FileInfo(Path.Combine(target, "norman", "latest.csv")).LinkTarget);
        Assert.Equal("gene,go\nA,1\n", File.ReadAllText(Path.Combine(target, "norman", "latest.csv")));
        // make_archives.py gave the h5ad mode 4755 (setuid, executable); data files come out as 0644.
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                File.GetUnixFileMode(Path.Combine(target, "norman", "perturb_processed.h5ad")));
        // The staging folder is gone: only the target remains beside it.
        Assert.Equal([target], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Should_extract_a_zip_and_merge_into_an_existing_folder()
    {
        using var dir = TestPaths.NewTempDir();
        var target = dir.File("t");
        Directory.CreateDirectory(Path.Combine(target, "a"));
        File.WriteAllText(Path.Combine(target, "a", "keep.txt"), "mine");
        File.WriteAllText(Path.Combine(target, "c.txt"), "old");

        var files = ArchiveExtractor.Extract(Fixture("good.zip"), ArchiveKind.Zip, target);

        Assert.Equal(["a/b.txt", "c.txt"], files);
        Assert.Equal("sea\n", File.ReadAllText(Path.Combine(target, "c.txt")));      // replaced
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "a", "keep.txt"))); // untouched
    }

    [Theory]
    [InlineData("slip.tar.gz", ArchiveKind.TarGz, "../evil.txt")]
    [InlineData("absolute.tar.gz", ArchiveKind.TarGz, "/tmp/screpro-evil.txt")]
    [InlineData("symlink-escape.tar.gz", ArchiveKind.TarGz, "escape")]
    [InlineData("slip.zip", ArchiveKind.Zip, "../../evil.txt")]
    public void Should_refuse_entries_that_leave_the_target_and_extract_nothing(string archive, ArchiveKind kind, string entry)
    {
        using var outer = TestPaths.NewTempDir();
        var target = Path.Combine(outer.Path, "a", "b", "target");   // deep, so '../..' would still land inside outer

        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(Fixture(archive), kind, target));

        Assert.Contains(archive, e.Message);
        Assert.Contains($"'{entry}'", e.Message);
        // Nothing anywhere: the target is empty (not even ok.txt, which came first) and no staging folder is left.
        Assert.Empty(Directory.GetFileSystemEntries(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!));
        Assert.Empty(Directory.GetFiles(outer.Path, "evil.txt", SearchOption.AllDirectories));
        Assert.False(File.Exists("/tmp/screpro-evil.txt"));
    }

    [Fact]
    public void Should_gunzip_a_single_file_source_beside_itself()
    {
        using var dir = TestPaths.NewTempDir();
        File.Copy(Fixture("counts.csv.gz"), dir.File("counts.csv.gz"));

        var files = ArchiveExtractor.Extract(dir.File("counts.csv.gz"), ArchiveKind.Gz, dir.Path);

        Assert.Equal(["counts.csv"], files);
        // make_archives.py wrote this line 50 times.
        Assert.Equal(string.Concat(Enumerable.Repeat("cell,gene,count\nc1,g1,3\n", 50)), File.ReadAllText(dir.File("counts.csv")));
    }

    [Theory]
    [InlineData(null, ArchiveKind.None)]
    [InlineData("none", ArchiveKind.None)]
    [InlineData("zip", ArchiveKind.Zip)]
    [InlineData("tar.gz", ArchiveKind.TarGz)]
    [InlineData("gz", ArchiveKind.Gz)]
    public void Should_parse_the_manifest_spelling(string? value, ArchiveKind kind) =>
        Assert.Equal(kind, ArchiveExtractor.ParseKind(value, "m.yaml: sources[0].extract"));

    [Fact]
    public void Should_name_the_key_of_an_unknown_archive_kind()
    {
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.ParseKind("rar", "m.yaml: sources[0].extract"));
        Assert.Equal("m.yaml: sources[0].extract: 'rar' is not one of none, zip, tar.gz, gz", e.Message);
    }

    [Fact]
    public void Should_name_an_archive_that_is_not_one()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("x.tar.gz"), "plain text");
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(dir.File("x.tar.gz"), ArchiveKind.TarGz, dir.File("t")));
        Assert.Contains("x.tar.gz: not a readable tar.gz archive", e.Message);
    }

    [Theory]
    [InlineData("a/./b", "a/b")]
    [InlineData("./a/b/", "a/b")]
    [InlineData("a\\b", "a/b")]
    [InlineData("./", null)]
    public void Should_normalise_harmless_entry_names(string name, string? expected) =>
        Assert.Equal(expected, ArchiveExtractor.SafeEntryPath("x.zip", name));

    [Theory]
    [InlineData("a/../../b")]
    [InlineData("C:/x")]
    [InlineData("..\\x")]
    public void Should_refuse_hostile_entry_names(string name) =>
        Assert.Throws<ScReproException>(() => ArchiveExtractor.SafeEntryPath("x.zip", name));
}
