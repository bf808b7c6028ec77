namespace ScRepro.Core.Download;

/// <summary>
/// CRC-32 of a whole file (IEEE 802.3, as zip entries carry it, APPNOTE 4.4.7), through System.IO.Hashing's vectorised
/// implementation. .NET 10's ZipArchive does not check entry CRCs on read, so the extractor does.
/// </summary>
internal static class Crc32
{
    public static uint OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(stream);
        return crc.GetCurrentHashAsUInt32();
    }
}
