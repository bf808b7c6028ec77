namespace ScRepro.Torch.Serialization.Zip;

/// <summary>
/// CRC-32 (IEEE 802.3, as zip uses) of one record. System.IO.Hashing's is vectorised (carry-less multiply where the
/// CPU has it); checkpoints are hundreds of MB, and the slicing-by-8 table loop this replaced took about a third of
/// torch.save-format writing.
/// </summary>
internal static class Crc32
{
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
