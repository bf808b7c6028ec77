using System.Runtime.InteropServices;
using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>An HDF5 group (or a file's root group): links to children, and writers that create them.</summary>
public sealed unsafe class H5Group : H5Object
{
    internal H5Group(H5Handle handle, string file, string path) : base(handle, file, path) { }

    /// <summary>True when <paramref name="name"/> (which may contain '/') names an existing link.</summary>
    public bool Exists(string name)
    {
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var prefix = "";
        foreach (var part in parts)
        {
            prefix = prefix.Length == 0 ? part : prefix + "/" + part;
            fixed (byte* n = H5Library.Utf8(prefix))
            {
                var r = H5Native.H5Lexists(Handle.Id, n, H5Native.H5P_DEFAULT);
                if (r < 0) throw Fail($"cannot check link '{prefix}'");
                if (r == 0) return false;
            }
        }
        return parts.Length > 0;
    }

    /// <summary>Names of the children, in name order (as h5py iterates).</summary>
    public IReadOnlyList<string> ChildNames()
    {
        var names = new List<string>();
        var gc = GCHandle.Alloc(names);
        try
        {
            ulong idx = 0;
            if (H5Native.H5Literate(Handle.Id, H5Native.H5_INDEX_NAME, H5Native.H5_ITER_INC, &idx, &CollectName,
                    (void*)GCHandle.ToIntPtr(gc)) < 0)
                throw Fail("cannot list the group's members");
        }
        finally
        {
            gc.Free();
        }
        return names;
    }

    /// <summary>Whether <paramref name="name"/> is a group or a dataset.</summary>
    public H5ObjectKind KindOf(string name)
    {
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Oopen(Handle.Id, n, H5Native.H5P_DEFAULT);
            if (id < 0) throw H5Library.Fail(FilePath, ChildPath(name), "cannot open object");
            using var o = new ObjectHandle(id);
            return H5Native.H5Iget_type(o.Id) switch
            {
                H5Native.H5I_GROUP => H5ObjectKind.Group,
                H5Native.H5I_DATASET => H5ObjectKind.Dataset,
                _ => H5ObjectKind.Other,
            };
        }
    }

    public H5Group OpenGroup(string name)
    {
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Gopen2(Handle.Id, n, H5Native.H5P_DEFAULT);
            if (id < 0) throw H5Library.Fail(FilePath, ChildPath(name), "cannot open group");
            return new H5Group(new GroupHandle(id), FilePath, ChildPath(name));
        }
    }

    /// <summary>Opens a dataset with a 64 MiB chunk cache, so row-subset reads of compressed data decompress each chunk once.</summary>
    public H5Dataset OpenDataset(string name)
    {
        using var dapl = new PropertyListHandle(H5Native.H5Pcreate(H5Globals.DatasetAccess));
        H5Native.H5Pset_chunk_cache(dapl.Id, 12421, 64 << 20, 1.0);
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Dopen2(Handle.Id, n, dapl.Id);
            if (id < 0) throw H5Library.Fail(FilePath, ChildPath(name), "cannot open dataset");
            return new H5Dataset(new DatasetHandle(id), FilePath, ChildPath(name));
        }
    }

    /// <summary>Creates a child group without modification times, so identical content gives identical bytes.</summary>
    public H5Group CreateGroup(string name)
    {
        using var gcpl = new PropertyListHandle(H5Native.H5Pcreate(H5Globals.GroupCreate));
        H5Native.H5Pset_obj_track_times(gcpl.Id, 0);
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Gcreate2(Handle.Id, n, H5Native.H5P_DEFAULT, gcpl.Id, H5Native.H5P_DEFAULT);
            if (id < 0) throw H5Library.Fail(FilePath, ChildPath(name), "cannot create group");
            return new H5Group(new GroupHandle(id), FilePath, ChildPath(name));
        }
    }

    /// <summary>A numeric dataset of <paramref name="shape"/> (empty shape: a scalar).</summary>
    public H5Dataset CreateDataset<T>(string name, ReadOnlySpan<T> data, ReadOnlySpan<long> shape, H5WriteOptions? options = null)
        where T : unmanaged
    {
        var type = H5Globals.NativeTypeOf<T>();
        fixed (T* p = data) return Create(name, type, type, p, shape, options);
    }

    /// <summary>A numpy-bool dataset (int8 enum FALSE/TRUE, as h5py writes it).</summary>
    public H5Dataset CreateBoolDataset(string name, ReadOnlySpan<bool> data, ReadOnlySpan<long> shape, H5WriteOptions? options = null)
    {
        var bytes = new sbyte[data.Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = data[i] ? (sbyte)1 : (sbyte)0;
        using var t = H5Strings.BoolEnum();
        fixed (sbyte* p = bytes) return Create(name, t.Id, t.Id, p, shape, options);
    }

    /// <summary>A variable-length UTF-8 string dataset (h5py's str dtype); empty shape: a scalar string.</summary>
    public H5Dataset CreateStringDataset(string name, IReadOnlyList<string?> values, ReadOnlySpan<long> shape, H5WriteOptions? options = null)
    {
        using var t = H5Strings.VariableUtf8();
        var dims = shape.ToArray();
        H5Dataset? result = null;
        H5Strings.WithPointers(values, p => { result = Create(name, t.Id, t.Id, (void*)p, dims, options); return 0; });
        return result!;
    }

    private H5Dataset Create(string name, long fileType, long memType, void* data, ReadOnlySpan<long> shape, H5WriteOptions? options)
    {
        options ??= H5WriteOptions.Default;
        var rank = shape.Length;
        var dims = stackalloc ulong[Math.Max(rank, 1)];
        long total = 1;
        for (var i = 0; i < rank; i++) { dims[i] = (ulong)shape[i]; total *= shape[i]; }
        using var space = new DataspaceHandle(rank == 0
            ? H5Native.H5Screate(H5Native.H5S_SCALAR)
            : H5Native.H5Screate_simple(rank, dims, null));
        using var dcpl = new PropertyListHandle(H5Native.H5Pcreate(H5Globals.DatasetCreate));
        H5Native.H5Pset_obj_track_times(dcpl.Id, 0);
        if (options.Gzip && rank > 0 && total > 0)
        {
            // Chunk along the first axis, whole rows per chunk: row-subset reads touch few chunks.
            var chunk = stackalloc ulong[rank];
            long rowElems = 1;
            for (var i = 1; i < rank; i++) { chunk[i] = dims[i]; rowElems *= shape[i]; }
            chunk[0] = (ulong)Math.Clamp(H5WriteOptions.ChunkElements / Math.Max(rowElems, 1), 1, shape[0]);
            H5Native.H5Pset_chunk(dcpl.Id, rank, chunk);
            H5Native.H5Pset_deflate(dcpl.Id, (uint)options.GzipLevel);
        }
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Dcreate2(Handle.Id, n, fileType, space.Id, H5Native.H5P_DEFAULT, dcpl.Id, H5Native.H5P_DEFAULT);
            if (id < 0) throw H5Library.Fail(FilePath, ChildPath(name), "cannot create dataset");
            var ds = new H5Dataset(new DatasetHandle(id), FilePath, ChildPath(name));
            if (total > 0 && H5Native.H5Dwrite(id, memType, H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, data) < 0)
            {
                ds.Dispose();
                throw H5Library.Fail(FilePath, ChildPath(name), "cannot write dataset");
            }
            return ds;
        }
    }
}
