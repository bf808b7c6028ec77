using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of an open dataset; closed with H5Dclose.</summary>
public sealed class DatasetHandle : H5Handle
{
    public DatasetHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Dclose(id);
}
