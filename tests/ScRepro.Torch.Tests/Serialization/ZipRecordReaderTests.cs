using System.Buffers.Binary;
using System.IO.Compression;
using ScRepro.Testing;
using ScRepro.Torch.Serialization.Zip;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>
/// The positioned-read zip reader against System.IO.Compression's view of the same archives (the oracle for names and
/// bytes), on torch.save's files (tests/fixtures/checkpoints, written by torch 1.13), on DEFLATE records as other
/// writers make them, on the ZIP64 form torch writes past 4 GB, and on archives whose directory lies.
/// </summary>
public sealed class ZipRecordReaderTests
{
    [Theory]
    [InlineData("adam.pt")]
    [InlineData("dtypes.pt")]
    [InlineData("nested.pt")]
    [InlineData("shared.pt")]
    public void Should_read_every_record_of_a_torch_save_file_as_ZipArchive_does(string fixture)
    {
        var path = ExpectedSummary.Path(fixture);
        AssertSameRecords(path, path);
    }

    [Theory]
    [InlineData("adam.pt")]
    [InlineData("dtypes.pt")]
    [InlineData("shared.pt")]
    public void Should_read_the_stored_records_together_as_each_alone(string fixture)
    {
        // ZipArchive's bytes of each data/ record (the oracle) against its slice of the one read.
        var path = ExpectedSummary.Path(fixture);
        using var oracle = ZipFile.OpenRead(path);
        using var zip = ZipRecordReader.Open(path);
        var names = zip.Names.Where(n => n.Contains("/data/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(names);
        var together = zip.ReadStoredTogether(names);
        Assert.NotNull(together);
        var (span, slices) = together.Value;
        Assert.Equal(names.Order(), slices.Keys.Order());
        foreach (var name in names)
        {
            using var s = oracle.GetEntry(name)!.Open();
            var expected = new MemoryStream();
            s.CopyTo(expected);
            var (offset, length) = slices[name];
            Assert.Equal(expected.ToArray(), span.AsSpan(offset, length).ToArray());
        }
    }

    [Fact]
    public void Should_read_records_one_by_one_where_one_is_deflated_or_they_lie_apart()
    {
        using var dir = TestPaths.NewTempDir();
        var deflated = dir.File("deflated.zip");
        WriteZip(deflated, CompressionLevel.Optimal, ("top/data/0", new byte[4096]), ("top/data/1", new byte[4096]));
        using (var zip = ZipRecordReader.Open(deflated))
            Assert.Null(zip.ReadStoredTogether(["top/data/0", "top/data/1"]));
        // 1 MiB of another record between two 4 KiB storages: reading the span would read 129 times their bytes.
        var apart = dir.File("apart.zip");
        WriteZip(apart, CompressionLevel.NoCompression, ("top/data/0", new byte[4096]), ("top/other", new byte[1 << 20]), ("top/data/1", new byte[4096]));
        using (var zip = ZipRecordReader.Open(apart))
        {
            Assert.Null(zip.ReadStoredTogether(["top/data/0", "top/data/1"]));
            Assert.NotNull(zip.ReadStoredTogether(["top/data/0", "top/other"]));
        }
    }

    [Fact]
    public void Should_inflate_deflated_records_and_check_their_crc()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("deflated.zip");
        var text = string.Concat(Enumerable.Repeat("a stored record inflated from DEFLATE ", 200));
        WriteZip(path, CompressionLevel.Optimal, ("top/data.pkl", System.Text.Encoding.ASCII.GetBytes(text)), ("top/data/0", new byte[4096]));
        AssertSameRecords(path, path);

        // Flip one byte of the stored CRC in the central directory: the bytes inflate, the check fails.
        var crc = PatchFirstRecord(path, field: 16, b => b[0] ^= 0x5a);
        Assert.Contains("fails its CRC-32", ReadRefused(crc, "top/data.pkl"));
    }

    [Fact]
    public void Should_refuse_a_declared_size_deflate_cannot_give()
    {
        // 4 KiB of zeros deflates to a few bytes; declaring 2 GiB for them is a bomb, refused before any allocation.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("bomb.zip");
        WriteZip(path, CompressionLevel.Optimal, ("top/data/0", new byte[4096]));
        var bomb = PatchFirstRecord(path, field: 24, b => BinaryPrimitives.WriteUInt32LittleEndian(b, int.MaxValue - 64));
        Assert.Contains("more than DEFLATE can give", ReadRefused(bomb, "top/data/0"));
    }

    [Fact]
    public void Should_read_the_zip64_form_torch_writes_past_4_GB()
    {
        using var dir = TestPaths.NewTempDir();
        var source = ExpectedSummary.Path("adam.pt");
        var path = dir.File("adam64.pt");
        File.WriteAllBytes(path, ToZip64(File.ReadAllBytes(source)));
        AssertSameRecords(source, path);
    }

    [Fact]
    public void Should_refuse_archives_whose_directory_lies()
    {
        using var dir = TestPaths.NewTempDir();
        var good = File.ReadAllBytes(ExpectedSummary.Path("adam.pt"));
        var end = EndRecordOffset(good);

        var count = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(count.AsSpan(end + 10), 60_000);
        Assert.Contains("declares 60000 records", Refused(dir, "count.pt", count));

        var offset = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(offset.AsSpan(CentralRecordOffset(offset, 1) + 42), (uint)good.Length - 8);
        Assert.Contains("lies outside the file's data", Refused(dir, "offset.pt", offset));

        // adam.pt's storages are adam/data/0, adam/data/1, …: name one the same as the other.
        var twice = (byte[])good.Clone();
        var names = Enumerable.Range(0, BinaryPrimitives.ReadUInt16LittleEndian(good.AsSpan(end + 10)))
            .Select(i => (Offset: CentralRecordOffset(twice, i), Length: (int)BinaryPrimitives.ReadUInt16LittleEndian(twice.AsSpan(CentralRecordOffset(twice, i) + 28))))
            .ToList();
        var (first, second) = names.SelectMany((a, i) => names.Skip(i + 1).Where(b => b.Length == a.Length).Select(b => (a, b))).First();
        twice.AsSpan(first.Offset + 46, first.Length).CopyTo(twice.AsSpan(second.Offset + 46));
        Assert.Contains("two records are named", Refused(dir, "twice.pt", twice));

        Assert.Contains("no zip end record", Refused(dir, "cut.pt", good[..(end + 10)]));
    }

    private static string Refused(TempDir dir, string name, byte[] bytes)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return Assert.Throws<InvalidDataException>(() => ZipRecordReader.Open(path).Dispose()).Message;
    }

    private delegate void Patch(Span<byte> field);

    /// <summary>A copy of the zip with the first central record's bytes from <paramref name="field"/> on patched.</summary>
    private static string PatchFirstRecord(string path, int field, Patch patch)
    {
        var bytes = File.ReadAllBytes(path);
        patch(bytes.AsSpan(CentralRecordOffset(bytes, 0) + field));
        var patched = path + $".patched{field}";
        File.WriteAllBytes(patched, bytes);
        return patched;
    }

    private static string ReadRefused(string path, string record)
    {
        using var zip = ZipRecordReader.Open(path);
        return Assert.Throws<InvalidDataException>(() => zip.Read(record)).Message;
    }

    private static void AssertSameRecords(string oraclePath, string path)
    {
        using var oracle = ZipFile.OpenRead(oraclePath);
        using var zip = ZipRecordReader.Open(path);
        Assert.Equal(oracle.Entries.Select(e => e.FullName), zip.Names);
        foreach (var entry in oracle.Entries)
        {
            using var s = entry.Open();
            var expected = new MemoryStream();
            s.CopyTo(expected);
            Assert.Equal(expected.ToArray(), zip.Read(entry.FullName));
        }
    }

    private static void WriteZip(string path, CompressionLevel level, params (string Name, byte[] Data)[] records)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, data) in records)
        {
            using var s = zip.CreateEntry(name, level).Open();
            s.Write(data);
        }
    }

    private static int EndRecordOffset(byte[] zip)
    {
        for (var i = zip.Length - 22; i >= 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x06054b50) return i;
        throw new InvalidOperationException("no end record");
    }

    private static int CentralRecordOffset(byte[] zip, int index)
    {
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(EndRecordOffset(zip) + 16));
        for (var i = 0; i < index; i++)
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30))
                  + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
        return at;
    }

    /// <summary>
    /// The same records in ZIP64 form (APPNOTE 4.3.14–4.3.15, 4.5.3): each central record's sizes and offset all ones
    /// with the real values in a ZIP64 extra field, then a ZIP64 end record, its locator, and an end record of all ones.
    /// </summary>
    private static byte[] ToZip64(byte[] zip)
    {
        var end = EndRecordOffset(zip);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var directoryStart = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var output = new MemoryStream();
        output.Write(zip, 0, directoryStart);
        var at = directoryStart;
        for (var i = 0; i < count; i++)
        {
            var name = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28));
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30));
            var comment = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
            var header = zip.AsSpan(at, 46).ToArray();
            var zip64 = new byte[4 + 24];
            BinaryPrimitives.WriteUInt16LittleEndian(zip64, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(zip64.AsSpan(2), 24);
            BinaryPrimitives.WriteInt64LittleEndian(zip64.AsSpan(4), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24)));
            BinaryPrimitives.WriteInt64LittleEndian(zip64.AsSpan(12), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20)));
            BinaryPrimitives.WriteInt64LittleEndian(zip64.AsSpan(20), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42)));
            foreach (var field in new[] { 20, 24, 42 }) BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(field), uint.MaxValue);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), (ushort)(extra + zip64.Length));
            output.Write(header);
            output.Write(zip, at + 46, name);
            output.Write(zip64);
            output.Write(zip, at + 46 + name, extra + comment);
            at += 46 + name + extra + comment;
        }
        var directorySize = output.Length - directoryStart;
        var zip64End = output.Length;
        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(24), count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(32), count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(40), directorySize);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(48), directoryStart);
        output.Write(record);
        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(locator.AsSpan(8), zip64End);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
        output.Write(locator);
        var endRecord = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(8), ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(10), ushort.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(12), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(16), uint.MaxValue);
        output.Write(endRecord);
        return output.ToArray();
    }
}
