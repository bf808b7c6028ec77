using System.Buffers.Binary;
using System.IO.Compression;
using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Download;

/// <summary>
/// Checks a gzip file's trailer (RFC 1952 §2.3.1: CRC-32 and ISIZE, the length mod 2^32, in the last 8 bytes) against
/// what it decompresses to. .NET's GZipStream ends a truncated stream quietly, so half a file (or 0 bytes) would
/// otherwise extract "successfully" and be pinned as genuine. The check covers the whole output, so a gzip of several
/// members (bgzip) is refused too; say so rather than unpack it unchecked.
/// </summary>
public static class GzipTrailer
{
    /// <summary>Throws naming <paramref name="path"/> (a <paramref name="kind"/> archive) when it is not a complete, intact gzip stream.</summary>
    public static void Verify(string path, string kind = "gz")
    {
        using var raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (raw.Length < 18) throw Bad(path, kind, $"{raw.Length} bytes is shorter than any gzip file (header and trailer take 18)");
        Span<byte> trailer = stackalloc byte[8];
        raw.Seek(-8, SeekOrigin.End);
        raw.ReadExactly(trailer);
        raw.Seek(0, SeekOrigin.Begin);
        var wantCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var wantSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        var crc = new System.IO.Hashing.Crc32();
        long length = 0;
        try
        {
            using var gzip = new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                crc.Append(buffer.AsSpan(0, read));
                length += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw Bad(path, kind, $"corrupt deflate data ({e.Message})");
        }
        var got = crc.GetCurrentHashAsUInt32();
        if (got != wantCrc || (uint)length != wantSize)
            throw Bad(path, kind, $"decompressed {length} bytes with CRC-32 {got:x8}, but the trailer says {wantSize} bytes (mod 2^32) with CRC-32 {wantCrc:x8}: the file is truncated or damaged (or has several gzip members, which is not supported)");
    }

    private static ScReproException Bad(string path, string kind, string why) =>
        new($"{path}: not a readable {kind} archive: not a complete gzip file: {why}; nothing was extracted");
}
