using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of an object opened without knowing its kind (H5Oopen); closed with H5Oclose.</summary>
public sealed class ObjectHandle : H5Handle
{
    public ObjectHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Oclose(id);
}
