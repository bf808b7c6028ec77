using System.Runtime.InteropServices;
using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>A group or dataset: its handle, its path in the file, and its attributes.</summary>
public abstract unsafe class H5Object : IDisposable
{
    private protected H5Object(H5Handle handle, string file, string path)
    {
        Handle = handle;
        FilePath = file;
        Path = path;
    }

    public H5Handle Handle { get; }

    /// <summary>The file on disk.</summary>
    public string FilePath { get; }

    /// <summary>The object's path inside the file, e.g. "/obs/cell_type".</summary>
    public string Path { get; }

    /// <summary>The last path component ("" for the root).</summary>
    public string Name => Path == "/" ? "" : Path[(Path.LastIndexOf('/') + 1)..];

    public void Dispose()
    {
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }

    internal Hdf5Exception Fail(string what) => H5Library.Fail(FilePath, Path, what);

    internal Hdf5Exception Error(string what) => new(FilePath, Path, what);

    internal string ChildPath(string name) => Path == "/" ? "/" + name : Path + "/" + name;

    public bool HasAttribute(string name)
    {
        fixed (byte* n = H5Library.Utf8(name))
        {
            var r = H5Native.H5Aexists(Handle.Id, n);
            if (r < 0) throw Fail($"cannot check attribute '{name}'");
            return r > 0;
        }
    }

    /// <summary>Attribute names in name order (as h5py lists them).</summary>
    public IReadOnlyList<string> AttributeNames()
    {
        var names = new List<string>();
        var gc = GCHandle.Alloc(names);
        try
        {
            ulong idx = 0;
            if (H5Native.H5Aiterate2(Handle.Id, H5Native.H5_INDEX_NAME, H5Native.H5_ITER_INC, &idx, &CollectName,
                    (void*)GCHandle.ToIntPtr(gc)) < 0)
                throw Fail("cannot list attributes");
        }
        finally
        {
            gc.Free();
        }
        return names;
    }

    [UnmanagedCallersOnly]
    internal static int CollectName(long loc, byte* name, void* info, void* data)
    {
        ((List<string>)GCHandle.FromIntPtr((IntPtr)data).Target!).Add(Marshal.PtrToStringUTF8((IntPtr)name)!);
        return 0;
    }

    private AttributeHandle OpenAttribute(string name)
    {
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Aopen(Handle.Id, n, H5Native.H5P_DEFAULT);
            if (id < 0) throw Fail($"cannot open attribute '{name}'");
            return new AttributeHandle(id);
        }
    }

    private static long ElementCount(long space)
    {
        var rank = H5Native.H5Sget_simple_extent_ndims(space);
        if (rank <= 0) return H5Native.H5Sget_simple_extent_type(space) == H5Native.H5S_NULL ? 0 : 1;
        var dims = stackalloc ulong[rank];
        H5Native.H5Sget_simple_extent_dims(space, dims, null);
        long n = 1;
        for (var i = 0; i < rank; i++) n *= (long)dims[i];
        return n;
    }

    /// <summary>The attribute's element type.</summary>
    public H5TypeInfo AttributeType(string name)
    {
        using var a = OpenAttribute(name);
        using var t = new DatatypeHandle(H5Native.H5Aget_type(a.Id));
        return H5TypeInfo.From(t.Id);
    }

    /// <summary>All elements of a string attribute (scalar → one element; an empty numeric array → none).</summary>
    public string[] ReadStringArrayAttribute(string name)
    {
        using var a = OpenAttribute(name);
        using var t = new DatatypeHandle(H5Native.H5Aget_type(a.Id));
        using var s = new DataspaceHandle(H5Native.H5Aget_space(a.Id));
        var n = ElementCount(s.Id);
        if (H5Native.H5Tget_class(t.Id) != H5Native.H5T_STRING)
        {
            if (n == 0) return []; // h5py writes an empty list as an empty float64 array
            throw Error($"attribute '{name}' holds {H5TypeInfo.From(t.Id).NumpyName} values, expected strings");
        }
        var aid = a.Id;
        return H5Strings.Read(t.Id, s.Id, n, (mem, buf) => H5Native.H5Aread(aid, mem, (void*)buf),
            () => Fail($"cannot read attribute '{name}'"));
    }

    /// <summary>A string attribute (scalar, or a one-element array as old writers made), or null when absent.</summary>
    public string? ReadStringAttribute(string name)
    {
        if (!HasAttribute(name)) return null;
        var values = ReadStringArrayAttribute(name);
        return values.Length == 1 ? values[0]
            : throw Error($"attribute '{name}' has {values.Length} strings, expected one");
    }

    /// <summary>A numeric attribute converted to int64 (shape, h5sparse_shape).</summary>
    public long[] ReadInt64ArrayAttribute(string name)
    {
        using var a = OpenAttribute(name);
        using var s = new DataspaceHandle(H5Native.H5Aget_space(a.Id));
        var result = new long[ElementCount(s.Id)];
        fixed (long* p = result)
        {
            if (result.Length > 0 && H5Native.H5Aread(a.Id, H5Globals.NativeInt64, p) < 0)
                throw Fail($"cannot read attribute '{name}' as integers");
        }
        return result;
    }

    /// <summary>A boolean attribute (numpy bool is an int8 enum on disk), or <paramref name="fallback"/> when absent.</summary>
    public bool ReadBoolAttribute(string name, bool fallback)
    {
        if (!HasAttribute(name)) return fallback;
        using var a = OpenAttribute(name);
        using var t = new DatatypeHandle(H5Native.H5Aget_type(a.Id));
        using var mem = new DatatypeHandle(H5Native.H5Tget_native_type(t.Id, H5Native.H5T_DIR_ASCEND));
        var size = (int)H5Native.H5Tget_size(mem.Id);
        if (size > 8) throw Error($"attribute '{name}' is not a boolean");
        long value = 0;
        if (H5Native.H5Aread(a.Id, mem.Id, &value) < 0) throw Fail($"cannot read attribute '{name}'");
        return (value & (size == 8 ? -1L : (1L << (size * 8)) - 1)) != 0;
    }

    /// <summary>The path of the object an object-reference attribute points at (anndata 0.7 categories).</summary>
    public string ReadReferenceAttribute(string name)
    {
        using var a = OpenAttribute(name);
        ulong reference = 0;
        if (H5Native.H5Aread(a.Id, H5Globals.StdRefObj, &reference) < 0)
            throw Fail($"cannot read attribute '{name}' as an object reference");
        var id = H5Native.H5Rdereference2(Handle.Id, H5Native.H5P_DEFAULT, H5Native.H5R_OBJECT, &reference);
        if (id < 0) throw Fail($"attribute '{name}' holds a dangling object reference");
        using var target = new ObjectHandle(id);
        var len = (int)H5Native.H5Iget_name(target.Id, null, 0);
        var buf = new byte[len + 1];
        fixed (byte* b = buf) H5Native.H5Iget_name(target.Id, b, (nuint)buf.Length);
        return System.Text.Encoding.UTF8.GetString(buf, 0, len);
    }

    private void WriteAttribute(string name, long fileType, long memType, long space, void* data)
    {
        fixed (byte* n = H5Library.Utf8(name))
        {
            var id = H5Native.H5Acreate2(Handle.Id, n, fileType, space, H5Native.H5P_DEFAULT, H5Native.H5P_DEFAULT);
            if (id < 0) throw Fail($"cannot create attribute '{name}'");
            using var a = new AttributeHandle(id);
            if (data is not null && H5Native.H5Awrite(a.Id, memType, data) < 0) throw Fail($"cannot write attribute '{name}'");
        }
    }

    /// <summary>A scalar variable-length UTF-8 string attribute, as h5py writes a Python str.</summary>
    public void WriteStringAttribute(string name, string value)
    {
        using var t = H5Strings.VariableUtf8();
        using var s = new DataspaceHandle(H5Native.H5Screate(H5Native.H5S_SCALAR));
        H5Strings.WithPointers([value], p => { WriteAttribute(name, t.Id, t.Id, s.Id, (void*)p); return 0; });
    }

    /// <summary>A 1-D string attribute (column-order); empty becomes an empty float64 array, as h5py writes [].</summary>
    public void WriteStringArrayAttribute(string name, IReadOnlyList<string> values)
    {
        ulong n = (ulong)values.Count;
        using var s = new DataspaceHandle(H5Native.H5Screate_simple(1, &n, null));
        if (values.Count == 0)
        {
            WriteAttribute(name, H5Globals.NativeDouble, H5Globals.NativeDouble, s.Id, null);
            return;
        }
        using var t = H5Strings.VariableUtf8();
        H5Strings.WithPointers(values, p => { WriteAttribute(name, t.Id, t.Id, s.Id, (void*)p); return 0; });
    }

    /// <summary>A 1-D int64 attribute (a sparse matrix's shape).</summary>
    public void WriteInt64ArrayAttribute(string name, ReadOnlySpan<long> values)
    {
        ulong n = (ulong)values.Length;
        using var s = new DataspaceHandle(H5Native.H5Screate_simple(1, &n, null));
        fixed (long* p = values) WriteAttribute(name, H5Globals.NativeInt64, H5Globals.NativeInt64, s.Id, p);
    }

    /// <summary>A scalar numpy-bool attribute (int8 enum FALSE/TRUE).</summary>
    public void WriteBoolAttribute(string name, bool value)
    {
        using var t = H5Strings.BoolEnum();
        using var s = new DataspaceHandle(H5Native.H5Screate(H5Native.H5S_SCALAR));
        sbyte v = value ? (sbyte)1 : (sbyte)0;
        WriteAttribute(name, t.Id, t.Id, s.Id, &v);
    }
}
