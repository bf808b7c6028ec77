using System.Runtime.InteropServices;
using System.Text;
using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>
/// String element I/O shared by datasets and attributes: variable-length UTF-8 (what h5py writes for str) and
/// fixed-length byte strings (numpy 'S', what anndata &lt; 0.7 wrote).
/// </summary>
internal static unsafe class H5Strings
{
    /// <summary>A variable-length UTF-8 string type (h5py's special_dtype(vlen=str)).</summary>
    public static DatatypeHandle VariableUtf8()
    {
        var t = new DatatypeHandle(H5Native.H5Tcopy(H5Globals.CS1));
        H5Native.H5Tset_size(t.Id, H5Native.H5T_VARIABLE);
        H5Native.H5Tset_cset(t.Id, H5Native.H5T_CSET_UTF8);
        return t;
    }

    /// <summary>An enum over int8 {FALSE: 0, TRUE: 1}: h5py's on-disk numpy bool.</summary>
    public static DatatypeHandle BoolEnum()
    {
        var t = new DatatypeHandle(H5Native.H5Tenum_create(H5Globals.NativeInt8));
        sbyte f = 0, tr = 1;
        fixed (byte* nf = H5Library.Utf8("FALSE")) H5Native.H5Tenum_insert(t.Id, nf, &f);
        fixed (byte* nt = H5Library.Utf8("TRUE")) H5Native.H5Tenum_insert(t.Id, nt, &tr);
        return t;
    }

    /// <summary>
    /// Reads <paramref name="n"/> strings of file type <paramref name="fileType"/> through <paramref name="read"/>
    /// (H5Dread or H5Aread bound to a selection); <paramref name="space"/> is the memory space for vlen reclaim.
    /// </summary>
    public static string[] Read(long fileType, long space, long n, Func<long, nint, int> read, Func<Exception> fail)
    {
        var result = new string[n];
        if (n == 0) return result;
        if (H5Native.H5Tis_variable_str(fileType) > 0)
        {
            using var mem = VariableUtf8();
            var ptrs = new nint[n];
            fixed (nint* p = ptrs)
            {
                if (read(mem.Id, (nint)p) < 0) throw fail();
                try
                {
                    for (var i = 0; i < n; i++) result[i] = ptrs[i] == 0 ? "" : Marshal.PtrToStringUTF8(ptrs[i])!;
                }
                finally
                {
                    H5Native.H5Dvlen_reclaim(mem.Id, space, H5Native.H5P_DEFAULT, p);
                }
            }
            return result;
        }
        var size = (int)H5Native.H5Tget_size(fileType);
        using var fixedMem = new DatatypeHandle(H5Native.H5Tcopy(fileType));
        var pad = H5Native.H5Tget_strpad(fileType);
        var buf = new byte[n * size];
        fixed (byte* b = buf)
        {
            if (read(fixedMem.Id, (nint)b) < 0) throw fail();
        }
        for (var i = 0; i < n; i++)
        {
            var span = buf.AsSpan((int)(i * size), size);
            var end = span.IndexOf((byte)0);
            if (end >= 0) span = span[..end];
            if (pad == H5Native.H5T_STR_SPACEPAD) span = span.TrimEnd((byte)' ');
            result[i] = Encoding.UTF8.GetString(span);
        }
        return result;
    }

    /// <summary>Pins UTF-8 copies of <paramref name="values"/> (null written as "") and passes their pointers.</summary>
    public static int WithPointers(IReadOnlyList<string?> values, Func<nint, int> use)
    {
        var ptrs = new nint[values.Count];
        try
        {
            for (var i = 0; i < ptrs.Length; i++) ptrs[i] = Marshal.StringToCoTaskMemUTF8(values[i] ?? "");
            fixed (nint* p = ptrs) return use((nint)p);
        }
        finally
        {
            foreach (var p in ptrs) if (p != 0) Marshal.FreeCoTaskMem(p);
        }
    }
}
