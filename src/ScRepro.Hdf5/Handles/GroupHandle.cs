using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of an open group; closed with H5Gclose.</summary>
public sealed class GroupHandle : H5Handle
{
    public GroupHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Gclose(id);
}
