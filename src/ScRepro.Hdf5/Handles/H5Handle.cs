using System.Runtime.InteropServices;

namespace ScRepro.Hdf5.Handles;

/// <summary>
/// An owned hid_t (int64 in HDF5 1.10). Each kind of id has its own close function, so each kind is its own
/// SafeHandle subclass: closing a dataspace with H5Dclose would fail silently and leak.
/// </summary>
public abstract class H5Handle : SafeHandle
{
    protected H5Handle(long id) : base(IntPtr.Zero, ownsHandle: true) => SetHandle((IntPtr)id);

    /// <summary>The raw hid_t.</summary>
    public long Id => (long)handle;

    public override bool IsInvalid => (long)handle <= 0;

    protected sealed override bool ReleaseHandle() => Close(Id) >= 0;

    /// <summary>The kind-specific close call (H5Fclose, H5Gclose …).</summary>
    protected abstract int Close(long id);
}
