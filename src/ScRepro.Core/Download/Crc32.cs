namespace ScRepro.Core.Download;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum gzip trailers (RFC 1952) and zip entries
/// (APPNOTE 4.4.7) carry. .NET 10 checks neither on read, so the extractor does.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = MakeTable();

    /// <summary>The running register before any byte; <see cref="Finish"/> turns a register into the CRC.</summary>
    public const uint Start = 0xFFFFFFFF;

    public static uint Append(uint register, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        return register;
    }

    public static uint Finish(uint register) => register ^ 0xFFFFFFFF;

    /// <summary>The CRC-32 of a whole file.</summary>
    public static uint OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var register = Start;
        int read;
        while ((read = stream.Read(buffer)) > 0) register = Append(register, buffer.AsSpan(0, read));
        return Finish(register);
    }

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
