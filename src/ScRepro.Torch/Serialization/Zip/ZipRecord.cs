namespace ScRepro.Torch.Serialization.Zip;

/// <summary>One central-directory record: where its bytes start (the local header) and how they are kept.</summary>
/// <param name="Method">0 stored, 8 DEFLATE.</param>
internal readonly record struct ZipRecord(string Name, ushort Method, uint Crc32, long CompressedSize, long Size, long LocalHeaderOffset);
