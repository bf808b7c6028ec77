using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5.Handles;

/// <summary>hid_t of an open file; closed with H5Fclose.</summary>
public sealed class FileHandle : H5Handle
{
    public FileHandle(long id) : base(id) { }
    protected override int Close(long id) => H5Native.H5Fclose(id);
}
