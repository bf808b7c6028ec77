using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using ScRepro.Foundation.IO;
using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>
/// Whole reads of gzip-compressed chunked datasets (anndata's <c>write_h5ad(compression="gzip")</c>, CELLxGENE's
/// files) with the chunks inflated in parallel. libhdf5 inflates one chunk at a time under its global lock, so a
/// 30 M-value X/data spends most of a read in zlib on one core. Here libhdf5 only says where each chunk lies
/// (H5Dget_chunk_info_by_coord); the chunk bytes are read by positioned reads and inflated (zlib, then HDF5's byte
/// shuffle undone) straight into the final array, one chunk per task. It applies when the dataset is chunked along its
/// first axis only (whole rows per chunk, as every 1-D CSR component is), its filters are deflate with or without
/// shuffle, every chunk is allocated, and the element type on disk is the native type asked for; otherwise
/// <see cref="TryRead{T}"/> returns false and libhdf5 reads the dataset.
/// </summary>
internal static unsafe class ChunkedRead
{
    /// <summary>Below this many chunks the set-up costs more than one core inflating them.</summary>
    private const int MinChunks = 4;

    private static readonly Lazy<IntPtr> ChunkInfoByCoord = new(() =>
        NativeLibrary.TryGetExport(Hdf5Loader.Handle, "H5Dget_chunk_info_by_coord", out var f) ? f : IntPtr.Zero);

    public static bool TryRead<T>(H5Dataset dataset, Span<T> destination, long nativeType) where T : unmanaged
    {
        if (ChunkInfoByCoord.Value == IntPtr.Zero || dataset.Rank == 0 || (long)destination.Length * sizeof(T) > Array.MaxLength) return false;
        if (!dataset.InReadOnlyFile) return false;
        var plan = Plan(dataset, nativeType, sizeof(T));
        if (plan is null) return false;
        var bytes = MemoryMarshal.AsBytes(destination);
        fixed (byte* p = bytes)
        {
            var basePointer = (IntPtr)p;
            var length = bytes.Length;
            using var file = File.OpenHandle(dataset.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
            var failure = default(Exception);
            Parallel.For(0, plan.Chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
            {
                try
                {
                    Inflate(file, plan, i, new Span<byte>((void*)basePointer, length));
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    state.Stop();
                }
            });
            if (failure is not null) throw dataset.Error($"chunk data is damaged ({failure.Message})");
        }
        return true;
    }

    /// <summary>Where each chunk lies and how it is filtered, or null when the parallel path does not apply.</summary>
    private static ChunkPlan? Plan(H5Dataset dataset, long nativeType, int itemSize)
    {
        using var dcpl = new PropertyListHandle(H5Native.H5Dget_create_plist(dataset.Handle.Id));
        if (H5Native.H5Pget_layout(dcpl.Id) != H5Native.H5D_CHUNKED) return null;
        var rank = dataset.Rank;
        var chunkDims = stackalloc ulong[rank];
        if (H5Native.H5Pget_chunk(dcpl.Id, rank, chunkDims) != rank) return null;
        for (var d = 1; d < rank; d++)
            if ((long)chunkDims[d] != dataset.Shape[d]) return null;
        var shuffle = false;
        var filters = H5Native.H5Pget_nfilters(dcpl.Id);
        for (uint f = 0; f < filters; f++)
        {
            uint flags, config;
            nuint n = 0;
            var id = H5Native.H5Pget_filter2(dcpl.Id, f, &flags, &n, null, 0, null, &config);
            // Pipeline order matters: shuffle must come before deflate (h5py and HDF5 put it there), and nothing else.
            if (id == H5Native.H5Z_FILTER_SHUFFLE && f == 0 && filters == 2) shuffle = true;
            else if (id != H5Native.H5Z_FILTER_DEFLATE || f != filters - 1) return null;
        }
        if (filters == 0) return null;
        using (var type = new DatatypeHandle(H5Native.H5Dget_type(dataset.Handle.Id)))
            if (H5Native.H5Tequal(type.Id, nativeType) <= 0) return null;

        var rowElements = dataset.Shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        var chunkRows = (long)chunkDims[0];
        var rows = dataset.Shape[0];
        var count = (rows + chunkRows - 1) / chunkRows;
        if (count < MinChunks || count > int.MaxValue) return null;
        var userBlock = UserBlock(dataset);
        var chunks = new Chunk[count];
        var offset = stackalloc ulong[rank];
        var getInfo = (delegate* unmanaged<long, ulong*, uint*, ulong*, ulong*, int>)ChunkInfoByCoord.Value;
        for (long c = 0; c < count; c++)
        {
            offset[0] = (ulong)(c * chunkRows);
            for (var d = 1; d < rank; d++) offset[d] = 0;
            uint mask;
            ulong address, size;
            if (getInfo(dataset.Handle.Id, offset, &mask, &address, &size) < 0) throw dataset.Fail($"cannot locate chunk {c}");
            // An unwritten chunk holds the fill value, which only libhdf5 knows how to give: let it read.
            if (address == H5Native.HADDR_UNDEF || size == 0 || size > int.MaxValue) return null;
            var firstRow = c * chunkRows;
            var validRows = Math.Min(chunkRows, rows - firstRow);
            chunks[c] = new Chunk((long)address + userBlock, (int)size, mask,
                firstRow * rowElements * itemSize, validRows * rowElements * itemSize);
        }
        return new ChunkPlan(chunks, checked((int)(chunkRows * rowElements * itemSize)), itemSize, shuffle);
    }

    /// <summary>HDF5 addresses count from the end of the user block (h5py's userblock_size), which the file offset does not.</summary>
    private static long UserBlock(H5Dataset dataset)
    {
        using var file = new FileHandle(H5Native.H5Iget_file_id(dataset.Handle.Id));
        using var fcpl = new PropertyListHandle(H5Native.H5Fget_create_plist(file.Id));
        ulong size;
        if (H5Native.H5Pget_userblock(fcpl.Id, &size) < 0) throw dataset.Fail("cannot read the user block size");
        return (long)size;
    }

    private static void Inflate(Microsoft.Win32.SafeHandles.SafeFileHandle file, ChunkPlan plan, int index, Span<byte> destination)
    {
        var chunk = plan.Chunks[index];
        var target = destination.Slice((int)chunk.DestinationOffset, (int)chunk.ValidBytes);
        var compressed = ArrayPool<byte>.Shared.Rent(chunk.StoredBytes);
        var whole = chunk.ValidBytes == plan.ChunkBytes && !plan.Shuffle;
        var scratch = whole ? null : ArrayPool<byte>.Shared.Rent(plan.ChunkBytes);
        try
        {
            var stored = compressed.AsSpan(0, chunk.StoredBytes);
            PositionedRead.Exactly(file, chunk.Address, stored, $"chunk at offset {chunk.Address}");
            // A filter-mask bit set means that filter was skipped for this chunk (HDF5 stores a chunk raw when
            // deflate would grow it); bit 0 is the first filter in the pipeline.
            var deflateBit = plan.Shuffle ? 1u << 1 : 1u;
            var shuffled = plan.Shuffle && (chunk.FilterMask & 1u) == 0;
            var plain = whole ? target : scratch.AsSpan(0, plan.ChunkBytes);
            if ((chunk.FilterMask & deflateBit) != 0)
            {
                if (stored.Length != plan.ChunkBytes) throw new InvalidDataException($"unfiltered chunk at offset {chunk.Address} has {stored.Length} bytes, expected {plan.ChunkBytes}");
                stored.CopyTo(plain);
            }
            else
            {
                using var zlib = new ZLibStream(new MemoryStream(compressed, 0, chunk.StoredBytes), CompressionMode.Decompress);
                zlib.ReadExactly(plain);
            }
            if (whole) return;
            if (shuffled) Unshuffle(plain, target, plan.ItemSize, plan.ChunkBytes / plan.ItemSize);
            else plain[..target.Length].CopyTo(target);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// HDF5's shuffle filter stores byte k of every element together (all first bytes, then all second bytes …);
    /// element e's byte k is at k × count + e. Only the first <paramref name="target"/>.Length bytes are wanted.
    /// </summary>
    private static void Unshuffle(ReadOnlySpan<byte> shuffled, Span<byte> target, int itemSize, int count)
    {
        var elements = target.Length / itemSize;
        for (var k = 0; k < itemSize; k++)
        {
            var plane = shuffled.Slice(k * count, elements);
            for (var e = 0; e < elements; e++) target[e * itemSize + k] = plane[e];
        }
    }

    private sealed record ChunkPlan(Chunk[] Chunks, int ChunkBytes, int ItemSize, bool Shuffle);

    /// <param name="Address">Byte offset of the stored chunk in the file.</param>
    /// <param name="StoredBytes">Its size on disk (compressed).</param>
    /// <param name="FilterMask">Filters skipped for this chunk, one bit per pipeline position.</param>
    /// <param name="DestinationOffset">Where its first element goes in the result, in bytes.</param>
    /// <param name="ValidBytes">How much of the chunk lies inside the dataset (the last chunk is padded on disk).</param>
    private readonly record struct Chunk(long Address, int StoredBytes, uint FilterMask, long DestinationOffset, long ValidBytes);
}
