using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of a dataspace; closed with H5Sclose.</summary>
public sealed class DataspaceHandle : H5Handle
{
    public DataspaceHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Sclose(id);
}
