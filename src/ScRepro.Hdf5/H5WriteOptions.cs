namespace ScRepro.Hdf5;

/// <summary>How datasets are stored: contiguous, or chunked and gzip-compressed (h5py's compression="gzip").</summary>
public sealed record H5WriteOptions(bool Gzip = false, int GzipLevel = 4)
{
    public static H5WriteOptions Default { get; } = new();

    /// <summary>Target elements per chunk: ~256 KiB of float32, the order of magnitude h5py's guess_chunk picks.</summary>
    public const long ChunkElements = 65536;
}
