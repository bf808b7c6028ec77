using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of a property list; closed with H5Pclose.</summary>
public sealed class PropertyListHandle : H5Handle
{
    public PropertyListHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Pclose(id);
}
