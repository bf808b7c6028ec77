using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>
/// An HDF5 dataset: its shape and element type, whole reads with HDF5's type conversion (float64 on disk read into
/// float32, int8 codes into int32 …), and partial reads along the first axis for lazy row access.
/// </summary>
public sealed unsafe class H5Dataset : H5Object
{
    private H5TypeInfo? _type;
    private long[]? _shape;

    internal H5Dataset(H5Handle handle, string file, string path) : base(handle, file, path) { }

    /// <summary>Dimensions; empty for a scalar.</summary>
    public long[] Shape => _shape ??= ReadShape();

    public int Rank => Shape.Length;

    /// <summary>Number of elements (1 for a scalar).</summary>
    public long Length => Shape.Aggregate(1L, (a, b) => a * b);

    public H5TypeInfo Type
    {
        get
        {
            if (_type is not null) return _type;
            using var t = FileType();
            return _type = H5TypeInfo.From(t.Id);
        }
    }

    /// <summary>True when stored in chunks with at least one filter (gzip …).</summary>
    public bool IsCompressed
    {
        get
        {
            using var dcpl = new PropertyListHandle(H5Native.H5Dget_create_plist(Handle.Id));
            return H5Native.H5Pget_nfilters(dcpl.Id) > 0;
        }
    }

    /// <summary>
    /// Whether the file is open read-only: only then are the bytes on disk all there is (a file open for writing may
    /// hold data libhdf5 has not flushed), so the parallel reads may go past libhdf5 to them.
    /// </summary>
    internal bool InReadOnlyFile
    {
        get
        {
            using var file = new FileHandle(H5Native.H5Iget_file_id(Handle.Id));
            uint intent;
            return H5Native.H5Fget_intent(file.Id, &intent) >= 0 && intent == H5Native.H5F_ACC_RDONLY;
        }
    }

    private DatatypeHandle FileType() => new(H5Library.Check(H5Native.H5Dget_type(Handle.Id), FilePath, Path, "cannot get the datatype"));

    private DataspaceHandle FileSpace() => new(H5Library.Check(H5Native.H5Dget_space(Handle.Id), FilePath, Path, "cannot get the dataspace"));

    private long[] ReadShape()
    {
        using var s = FileSpace();
        var rank = H5Native.H5Sget_simple_extent_ndims(s.Id);
        if (rank < 0) throw Fail("cannot read the shape");
        var dims = stackalloc ulong[Math.Max(rank, 1)];
        H5Native.H5Sget_simple_extent_dims(s.Id, dims, null);
        var shape = new long[rank];
        for (var i = 0; i < rank; i++) shape[i] = (long)dims[i];
        return shape;
    }

    private long RowLength => Shape.Skip(1).Aggregate(1L, (a, b) => a * b);

    /// <summary>Reads every element, converted by HDF5 to <typeparamref name="T"/>. numpy bools (enums) read as 0/1.</summary>
    public T[] Read<T>() where T : unmanaged
    {
        // HDF5 fills every element, so skip zeroing (a 120 MB X costs ~10% of a read to clear).
        var result = GC.AllocateUninitializedArray<T>(checked((int)Length));
        if (result.Length == 0) return result;
        if (Type.Class == H5TypeClass.Enum)
        {
            var raw = ReadEnumBytes(null);
            for (var i = 0; i < result.Length; i++) result[i] = FromInt<T>(raw[i]);
            return result;
        }
        if (Type.Class is not (H5TypeClass.Integer or H5TypeClass.Float))
            throw Error($"holds {Type.NumpyName} values, expected numbers");
        if (ChunkedRead.TryRead<T>(this, result, H5Globals.NativeTypeOf<T>())) return result;
        if (ContiguousRead.TryRead<T>(this, result, H5Globals.NativeTypeOf<T>())) return result;
        fixed (T* p = result)
        {
            if (H5Native.H5Dread(Handle.Id, H5Globals.NativeTypeOf<T>(), H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, p) < 0)
                throw Fail($"cannot read as {typeof(T).Name}");
        }
        return result;
    }

    /// <summary>Reads a numpy-bool (enum) or integer dataset as bools.</summary>
    public bool[] ReadBools()
    {
        var values = Type.Class == H5TypeClass.Enum ? ReadEnumBytes(null) : Read<long>();
        return values.Select(v => v != 0).ToArray();
    }

    private static T FromInt<T>(long v) where T : unmanaged =>
        typeof(T) == typeof(float) ? (T)(object)(float)v
        : typeof(T) == typeof(double) ? (T)(object)(double)v
        : typeof(T) == typeof(int) ? (T)(object)(int)v
        : typeof(T) == typeof(long) ? (T)(object)v
        : typeof(T) == typeof(sbyte) ? (T)(object)(sbyte)v
        : typeof(T) == typeof(byte) ? (T)(object)(byte)v
        : throw new NotSupportedException(typeof(T).Name);

    // HDF5 has no enum→integer conversion path: read the enum's own native type and widen its integer values.
    private long[] ReadEnumBytes(string? field)
    {
        using var ft = FileType();
        using var mem = new DatatypeHandle(H5Native.H5Tget_native_type(ft.Id, H5Native.H5T_DIR_ASCEND));
        var size = (int)H5Native.H5Tget_size(mem.Id);
        var n = Length;
        var buf = new byte[n * size];
        fixed (byte* p = buf)
        {
            if (H5Native.H5Dread(Handle.Id, mem.Id, H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, p) < 0)
                throw Fail("cannot read enum values");
        }
        return Widen(buf, size, n);
    }

    private static long[] Widen(byte[] buf, int size, long n)
    {
        var result = new long[n];
        for (var i = 0; i < n; i++)
        {
            var s = buf.AsSpan((int)(i * size), size);
            result[i] = size switch
            {
                1 => (sbyte)s[0],
                2 => BitConverter.ToInt16(s),
                4 => BitConverter.ToInt32(s),
                _ => BitConverter.ToInt64(s),
            };
        }
        return result;
    }

    /// <summary>Reads a string dataset (variable-length UTF-8 or fixed-length bytes); a scalar gives one element.</summary>
    public string[] ReadStrings()
    {
        if (Type.Class != H5TypeClass.String) throw Error($"holds {Type.NumpyName} values, expected strings");
        using var ft = FileType();
        using var space = FileSpace();
        var id = Handle.Id;
        return H5Strings.Read(ft.Id, space.Id, Length,
            (mem, buf) => H5Native.H5Dread(id, mem, H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, (void*)buf),
            () => Fail("cannot read strings"));
    }

    /// <summary>
    /// Reads rows [start, start+count) along the first axis into <paramref name="destination"/>
    /// (count × the product of the remaining dimensions elements).
    /// </summary>
    public void ReadSlice<T>(long start, long count, Span<T> destination) where T : unmanaged =>
        ReadRanges([(start, count)], destination);

    /// <summary>
    /// Reads several row ranges along the first axis, in the order given (ascending and non-overlapping), into one
    /// contiguous buffer with a single H5Dread over a union hyperslab.
    /// </summary>
    public void ReadRanges<T>(IReadOnlyList<(long Start, long Count)> ranges, Span<T> destination) where T : unmanaged
    {
        if (Rank == 0) throw Error("is a scalar; cannot read a slice");
        var row = RowLength;
        long total = 0;
        foreach (var r in ranges) total += r.Count;
        if (total * row != destination.Length)
            throw new ArgumentException($"destination holds {destination.Length} values, the selection {total * row}");
        if (total == 0) return;
        if (ranges.Count > 16)
        {
            // HDF5 1.10 merges OR-ed hyperslabs in quadratic time; past a few blocks, one read per block is faster.
            long at = 0;
            foreach (var r in ranges)
            {
                if (r.Count == 0) continue;
                var n = r.Count * row;
                ReadRanges([r], destination.Slice((int)at, (int)n));
                at += n;
            }
            return;
        }
        using var fileSpace = FileSpace();
        var rank = Rank;
        var start = stackalloc ulong[rank];
        var count = stackalloc ulong[rank];
        for (var i = 1; i < rank; i++) { start[i] = 0; count[i] = (ulong)Shape[i]; }
        var first = true;
        foreach (var r in ranges)
        {
            if (r.Count == 0) continue;
            if (r.Start < 0 || r.Start + r.Count > Shape[0])
                throw Error($"rows {r.Start}..{r.Start + r.Count} are outside 0..{Shape[0]}");
            start[0] = (ulong)r.Start;
            count[0] = (ulong)r.Count;
            if (H5Native.H5Sselect_hyperslab(fileSpace.Id, first ? H5Native.H5S_SELECT_SET : H5Native.H5S_SELECT_OR,
                    start, null, count, null) < 0)
                throw Fail("cannot select rows");
            first = false;
        }
        ulong memDims = (ulong)(total * row);
        using var memSpace = new DataspaceHandle(H5Native.H5Screate_simple(1, &memDims, null));
        var memType = Type.Class == H5TypeClass.Enum ? throw Error("partial reads of bool datasets are not supported") : H5Globals.NativeTypeOf<T>();
        fixed (T* p = destination)
        {
            if (H5Native.H5Dread(Handle.Id, memType, memSpace.Id, fileSpace.Id, H5Native.H5P_DEFAULT, p) < 0)
                throw Fail($"cannot read rows as {typeof(T).Name}");
        }
    }

    private H5Member Member(string field) =>
        Type.Members.FirstOrDefault(m => m.Name == field) ?? throw Error($"compound dataset has no field '{field}'");

    // Reads one field of a compound dataset: HDF5 matches compound members by name, so a one-member memory type
    // picks the field out.
    private void ReadField(string field, long memberMemType, void* buf)
    {
        var size = H5Native.H5Tget_size(memberMemType);
        using var compound = new DatatypeHandle(H5Native.H5Tcreate(H5Native.H5T_COMPOUND, size));
        fixed (byte* n = H5Library.Utf8(field)) H5Native.H5Tinsert(compound.Id, n, 0, memberMemType);
        if (H5Native.H5Dread(Handle.Id, compound.Id, H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, buf) < 0)
            throw Fail($"cannot read field '{field}'");
    }

    /// <summary>A numeric field of a compound dataset; an array field (('X_pca', '&lt;f4', (50,))) gives n × len values.</summary>
    public T[] ReadField<T>(string field) where T : unmanaged
    {
        var m = Member(field);
        var n = Length;
        var baseType = m.Type.Class == H5TypeClass.Array ? m.Type.ArrayBase! : m.Type;
        if (baseType.Class == H5TypeClass.Enum)
        {
            var ints = ReadFieldIntegers(field, m);
            return ints.Select(FromInt<T>).ToArray();
        }
        var result = new T[n * m.Type.ArrayLength];
        if (m.Type.Class == H5TypeClass.Array)
        {
            ulong len = (ulong)m.Type.ArrayLength;
            using var arr = new DatatypeHandle(H5Native.H5Tarray_create2(H5Globals.NativeTypeOf<T>(), 1, &len));
            fixed (T* p = result) ReadField(field, arr.Id, p);
        }
        else
        {
            fixed (T* p = result) ReadField(field, H5Globals.NativeTypeOf<T>(), p);
        }
        return result;
    }

    private long[] ReadFieldIntegers(string field, H5Member m)
    {
        using var ft = FileType();
        var index = Type.Members.ToList().IndexOf(m);
        using var mt = new DatatypeHandle(H5Native.H5Tget_member_type(ft.Id, (uint)index));
        using var mem = new DatatypeHandle(H5Native.H5Tget_native_type(mt.Id, H5Native.H5T_DIR_ASCEND));
        var size = (int)H5Native.H5Tget_size(mem.Id);
        var buf = new byte[Length * size];
        fixed (byte* p = buf) ReadField(field, mem.Id, p);
        return Widen(buf, size, Length);
    }

    /// <summary>A bool (enum) or integer field of a compound dataset.</summary>
    public bool[] ReadFieldBools(string field) => ReadFieldIntegers(field, Member(field)).Select(v => v != 0).ToArray();

    /// <summary>A string field of a compound dataset (legacy dataframes store the index as 'S' bytes).</summary>
    public string[] ReadFieldStrings(string field)
    {
        var m = Member(field);
        if (m.Type.Class != H5TypeClass.String) throw Error($"field '{field}' is not a string field");
        using var ft = FileType();
        var index = Type.Members.ToList().IndexOf(m);
        using var mt = new DatatypeHandle(H5Native.H5Tget_member_type(ft.Id, (uint)index));
        using var space = FileSpace();
        return H5Strings.Read(mt.Id, space.Id, Length, (mem, buf) => { ReadField(field, mem, (void*)buf); return 0; },
            () => Fail($"cannot read field '{field}'"));
    }
}
