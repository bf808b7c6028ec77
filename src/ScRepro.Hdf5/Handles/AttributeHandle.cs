using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of an open attribute; closed with H5Aclose.</summary>
public sealed class AttributeHandle : H5Handle
{
    public AttributeHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Aclose(id);
}
