using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of a datatype; closed with H5Tclose.</summary>
public sealed class DatatypeHandle : H5Handle
{
    public DatatypeHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Tclose(id);
}
