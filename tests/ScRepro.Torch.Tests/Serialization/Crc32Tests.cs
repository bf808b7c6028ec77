using System.IO.Compression;
using ScRepro.Torch.Serialization.Zip;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>The CRC-32 every record of a written checkpoint carries.</summary>
public sealed class Crc32Tests
{
    [Fact]
    public void Should_give_the_catalogue_check_value()
    {
        // CRC-32/ISO-HDLC (zip's and gzip's CRC): check value of the ASCII bytes "123456789" is 0xCBF43926
        // (Greg Cook's CRC catalogue, reveng.sourceforge.io/crc-catalogue).
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Should_match_the_crc_a_zip_reader_recomputes_for_a_large_record()
    {
        // 3 MB + 5 bytes: the vectorised path and its tail. ZipArchiveEntry.Crc32 is what the writer stored;
        // the expected value is recomputed bytewise with zlib's reflected polynomial, independent of both.
        var data = new byte[(3 << 20) + 5];
        new Random(7).NextBytes(data);
        uint reg = 0xFFFFFFFF;
        foreach (var b in data)
        {
            reg ^= b;
            for (var k = 0; k < 8; k++) reg = (reg & 1) != 0 ? (reg >> 1) ^ 0xEDB88320u : reg >> 1;
        }
        Assert.Equal(~reg, Crc32.Compute(data));
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("r", CompressionLevel.NoCompression).Open()) s.Write(data);
        ms.Position = 0;
        using var read = new ZipArchive(ms, ZipArchiveMode.Read);
        Assert.Equal(~reg, read.GetEntry("r")!.Crc32);
    }
}
