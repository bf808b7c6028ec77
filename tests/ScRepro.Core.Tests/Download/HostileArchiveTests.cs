using System.IO.Compression;
using ScRepro.Core.Download;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Download;

/// <summary>
/// Archives built to fool the extractor (issue 19 items 4, 5, 8): truncated or corrupt gzip, entries aimed at the
/// project's bookkeeping, entries that conflict. Each is one named error and leaves the target as it was.
/// </summary>
public sealed class HostileArchiveTests
{
    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private static byte[] Payload() => System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i * 7919 % 10007},")));

    [Fact]
    public void Should_extract_an_intact_gz_and_check_its_trailer()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllBytes(dir.File("x.csv.gz"), Gzip(Payload()));
        var files = ArchiveExtractor.Extract(dir.File("x.csv.gz"), ArchiveKind.Gz, dir.File("out"));
        Assert.Equal(["x.csv"], files);
        Assert.Equal(Payload(), File.ReadAllBytes(Path.Combine(dir.File("out"), "x.csv")));
    }

    [Theory]
    [InlineData(0.5)] // half the file: GZipStream alone ends quietly with part of the data
    [InlineData(0.999)] // only the trailer missing
    public void Should_refuse_a_truncated_gz(double keep)
    {
        using var dir = TestPaths.NewTempDir();
        var bytes = Gzip(Payload());
        File.WriteAllBytes(dir.File("x.csv.gz"), bytes[..(int)(bytes.Length * keep)]);
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(dir.File("x.csv.gz"), ArchiveKind.Gz, dir.File("out")));
        Assert.Contains("x.csv.gz: not a readable gz archive: not a complete gzip file", e.Message);
        Assert.False(File.Exists(Path.Combine(dir.File("out"), "x.csv")));
    }

    [Fact]
    public void Should_refuse_a_gz_whose_crc_does_not_match()
    {
        using var dir = TestPaths.NewTempDir();
        var bytes = Gzip(Payload());
        bytes[^8] ^= 0x01; // the first byte of the stored CRC-32 (RFC 1952 §2.3.1)
        File.WriteAllBytes(dir.File("x.csv.gz"), bytes);
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(dir.File("x.csv.gz"), ArchiveKind.Gz, dir.File("out")));
        Assert.Contains("x.csv.gz: not a readable gz archive: not a complete gzip file", e.Message);
    }

    [Fact]
    public void Should_refuse_a_truncated_tar_gz()
    {
        using var dir = TestPaths.NewTempDir();
        var tar = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "a.csv") { DataStream = new MemoryStream(Payload()) };
            writer.WriteEntry(entry);
        }
        var bytes = Gzip(tar.ToArray());
        File.WriteAllBytes(dir.File("x.tar.gz"), bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(dir.File("x.tar.gz"), ArchiveKind.TarGz, dir.File("out")));
        Assert.Contains("not a complete gzip file", e.Message);
    }

    private static string Zip(TempDir dir, params (string Name, string Text)[] entries)
    {
        var path = dir.File("a.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(text);
        }
        return path;
    }

    [Fact]
    public void Should_refuse_an_entry_that_writes_into_the_bookkeeping_folder()
    {
        using var dir = TestPaths.NewTempDir();
        var zip = Zip(dir, ("data.csv", "1"), (".screpro/sources/1/.stamp.json", "{\"forged\": true}"));
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(zip, ArchiveKind.Zip, dir.File("out"), [".screpro"]));
        Assert.Contains("refusing entry '.screpro/sources/1/.stamp.json'", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir.File("out"), ".screpro")));
        Assert.False(File.Exists(Path.Combine(dir.File("out"), "data.csv")));
    }

    [Fact]
    public void Should_name_the_entry_when_a_file_stands_where_a_folder_is_needed()
    {
        using var dir = TestPaths.NewTempDir();
        var zip = Zip(dir, ("a", "file"), ("a/b.csv", "1"));
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(zip, ArchiveKind.Zip, dir.File("out")));
        Assert.Contains("refusing entry 'a/b.csv': it conflicts with an earlier entry", e.Message);
    }

    [Fact]
    public void Should_refuse_a_zip_entry_whose_bytes_do_not_match_its_crc()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("a.zip");
        var text = string.Concat(Enumerable.Repeat("gene,value\n", 50));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var w = new StreamWriter(zip.CreateEntry("a.csv", CompressionLevel.NoCompression).Open()))
            w.Write(text);
        // A stored entry holds its bytes as they are: change one, leaving the recorded CRC-32 as it was.
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("gene,value"u8);
        Assert.True(at > 0);
        bytes[at] = (byte)'G';
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ScReproException>(() => ArchiveExtractor.Extract(path, ArchiveKind.Zip, dir.File("out")));
        Assert.Contains("entry 'a.csv' is damaged", e.Message);
        Assert.False(File.Exists(Path.Combine(dir.File("out"), "a.csv")));
    }

    [Fact]
    public void Should_remove_the_staging_folder_a_killed_extraction_left()
    {
        using var dir = TestPaths.NewTempDir();
        var abandoned = Directory.CreateDirectory(dir.File(".out.extract-0123456789abcdef")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "half.csv"), "1");
        ArchiveExtractor.Extract(Zip(dir, ("x.csv", "1")), ArchiveKind.Zip, dir.File("out"));
        Assert.False(Directory.Exists(abandoned));
    }
}
