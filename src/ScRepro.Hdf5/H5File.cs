using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>An open HDF5 file and its root group.</summary>
public sealed unsafe class H5File : IDisposable
{
    private readonly FileHandle _handle;

    private H5File(FileHandle handle, string path)
    {
        _handle = handle;
        Path = path;
        CloseOnExec.Apply(handle.Id);
        var rootId = H5Library.Check(Open(handle.Id, "/"), path, "/", "cannot open the root group");
        Root = new H5Group(new GroupHandle(rootId), path, "/");
    }

    private static long Open(long file, string name)
    {
        fixed (byte* n = H5Library.Utf8(name)) return H5Native.H5Gopen2(file, n, H5Native.H5P_DEFAULT);
    }

    public string Path { get; }

    public H5Group Root { get; }

    /// <summary>True when the file starts with an HDF5 signature (superblock).</summary>
    public static bool IsHdf5(string path)
    {
        H5Library.Ensure();
        fixed (byte* n = H5Library.Utf8(path))
        {
            var r = H5Native.H5Fis_hdf5(n);
            H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
            return r > 0;
        }
    }

    /// <summary>Opens an existing file read-only. A missing, non-HDF5 or truncated file gives one clear error.</summary>
    public static H5File OpenRead(string path)
    {
        H5Library.Ensure();
        if (!File.Exists(path)) throw new Hdf5Exception(path, "", "file not found");
        if (!IsHdf5(path)) throw new Hdf5Exception(path, "", "not an HDF5 file (no HDF5 signature)");
        fixed (byte* n = H5Library.Utf8(path))
        {
            var id = H5Native.H5Fopen(n, H5Native.H5F_ACC_RDONLY, H5Native.H5P_DEFAULT);
            if (id < 0) throw H5Library.Fail(path, "", "cannot open the HDF5 file (truncated or corrupt?)");
            return new H5File(new FileHandle(id), path);
        }
    }

    /// <summary>Opens an existing file for reading and writing (to add or amend elements).</summary>
    public static H5File OpenReadWrite(string path)
    {
        H5Library.Ensure();
        if (!File.Exists(path)) throw new Hdf5Exception(path, "", "file not found");
        fixed (byte* n = H5Library.Utf8(path))
        {
            var id = H5Native.H5Fopen(n, H5Native.H5F_ACC_RDWR, H5Native.H5P_DEFAULT);
            if (id < 0) throw H5Library.Fail(path, "", "cannot open the HDF5 file for writing");
            return new H5File(new FileHandle(id), path);
        }
    }

    /// <summary>Creates (truncates) a file for writing.</summary>
    public static H5File Create(string path)
    {
        H5Library.Ensure();
        using var fapl = new PropertyListHandle(H5Native.H5Pcreate(H5Globals.FileAccess));
        // Pin the format to the oldest version that can hold our objects so the layout does not depend on library defaults.
        H5Native.H5Pset_libver_bounds(fapl.Id, H5Native.H5F_LIBVER_EARLIEST, H5Native.H5F_LIBVER_V18);
        fixed (byte* n = H5Library.Utf8(path))
        {
            var id = H5Native.H5Fcreate(n, H5Native.H5F_ACC_TRUNC, H5Native.H5P_DEFAULT, fapl.Id);
            if (id < 0) throw H5Library.Fail(path, "", "cannot create the HDF5 file");
            return new H5File(new FileHandle(id), path);
        }
    }

    /// <summary>
    /// Groups, datasets, named datatypes and attributes open in this file, through any id (HDF5 shares one open
    /// file between ids for the same path), the root group of this <see cref="H5File"/> included. An id left open
    /// keeps the file open after H5Fclose (the default weak close degree) until its finaliser runs.
    /// </summary>
    public long OpenObjectCount() =>
        H5Native.H5Fget_obj_count(_handle.Id,
            H5Native.H5F_OBJ_DATASET | H5Native.H5F_OBJ_GROUP | H5Native.H5F_OBJ_DATATYPE | H5Native.H5F_OBJ_ATTR);

    /// <summary>Open file ids for this file, this one included.</summary>
    public long OpenFileIdCount() => H5Native.H5Fget_obj_count(_handle.Id, H5Native.H5F_OBJ_FILE);

    public void Dispose()
    {
        Root.Dispose();
        _handle.Dispose();
    }
}
