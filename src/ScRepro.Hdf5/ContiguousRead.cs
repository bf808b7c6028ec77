using System.Runtime.InteropServices;
using ScRepro.Foundation.IO;
using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>
/// Whole reads of big contiguous (unchunked) datasets, as anndata writes X without compression, by positioned reads
/// on every core straight into the final array. H5Dread copies such a dataset out of the page cache on one thread, and
/// that copy (with the faults of the fresh destination pages) is the whole cost of a full read. It applies when the
/// file is open read-only, the layout is contiguous with storage allocated in this file (not external), and the element
/// type on disk is the native type asked for; otherwise <see cref="TryRead{T}"/> returns false and libhdf5 reads it.
/// </summary>
internal static unsafe class ContiguousRead
{
    /// <summary>Below this the read is one segment anyway, and one H5Dread is as fast.</summary>
    public const long MinBytes = 2L * PositionedRead.Segment;

    public static bool TryRead<T>(H5Dataset dataset, Span<T> destination, long nativeType, long minBytes = MinBytes) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        if (bytes.Length < minBytes || bytes.Length == 0 || !dataset.InReadOnlyFile) return false;
        using (var dcpl = new PropertyListHandle(H5Native.H5Dget_create_plist(dataset.Handle.Id)))
            if (H5Native.H5Pget_layout(dcpl.Id) != H5Native.H5D_CONTIGUOUS || H5Native.H5Pget_external_count(dcpl.Id) != 0) return false;
        using (var type = new DatatypeHandle(H5Native.H5Dget_type(dataset.Handle.Id)))
            if (H5Native.H5Tequal(type.Id, nativeType) <= 0) return false;
        // No storage yet (never written): the fill value is libhdf5's to give.
        var address = H5Native.H5Dget_offset(dataset.Handle.Id);
        if (address == H5Native.HADDR_UNDEF || H5Native.H5Dget_storage_size(dataset.Handle.Id) != (ulong)bytes.Length) return false;
        using var file = File.OpenHandle(dataset.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
        try
        {
            // Unlike a chunk's address, H5Dget_offset's already counts the user block (contiguous_userblock.h5).
            PositionedRead.InSegments(file, (long)address, bytes, "data");
        }
        catch (EndOfStreamException e)
        {
            throw dataset.Error(e.Message);
        }
        return true;
    }
}
