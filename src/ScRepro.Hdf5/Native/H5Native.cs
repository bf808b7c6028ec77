using System.Runtime.InteropServices;

namespace ScRepro.Hdf5.Native;

/// <summary>
/// The slice of the HDF5 1.10 C API ScRepro uses (Debian's libhdf5_serial.so.103; also 1.12 and 1.14, see
/// <see cref="H5Literate"/>). hid_t is int64 and hsize_t uint64 from 1.10 on; herr_t is int. <see cref="Lib"/> is a
/// logical name: <see cref="Hdf5Loader"/> resolves it to the library it found. Constants are copied from /usr/include/hdf5/serial; the predefined type and
/// property-class ids are global variables, read by <see cref="H5Globals"/> after H5open.
/// </summary>
internal static unsafe class H5Native
{
    public const string Lib = "hdf5";

    public const long H5P_DEFAULT = 0;
    public const long H5S_ALL = 0;
    public const long H5E_DEFAULT = 0;
    public const uint H5F_ACC_RDONLY = 0;
    public const uint H5F_ACC_RDWR = 1;
    public const uint H5F_ACC_TRUNC = 2;
    public static readonly nuint H5T_VARIABLE = nuint.MaxValue;
    public const ulong H5S_UNLIMITED = ulong.MaxValue;

    // H5T_class_t
    public const int H5T_INTEGER = 0, H5T_FLOAT = 1, H5T_STRING = 3, H5T_BITFIELD = 4, H5T_OPAQUE = 5,
        H5T_COMPOUND = 6, H5T_REFERENCE = 7, H5T_ENUM = 8, H5T_VLEN = 9, H5T_ARRAY = 10;
    // H5T_sign_t, H5T_cset_t, H5T_str_t, H5T_direction_t
    public const int H5T_SGN_NONE = 0, H5T_CSET_UTF8 = 1, H5T_STR_NULLTERM = 0, H5T_STR_SPACEPAD = 2, H5T_DIR_ASCEND = 1;
    // H5I_type_t
    public const int H5I_FILE = 1, H5I_GROUP = 2, H5I_DATATYPE = 3, H5I_DATASET = 5;
    // H5S_class_t, H5S_seloper_t
    public const int H5S_SCALAR = 0, H5S_SIMPLE = 1, H5S_NULL = 2;
    public const int H5S_SELECT_SET = 0, H5S_SELECT_OR = 1;
    // H5_index_t, H5_iter_order_t, H5E_direction_t, H5R_type_t, H5F_libver_t
    public const int H5_INDEX_NAME = 0, H5_ITER_INC = 0, H5E_WALK_UPWARD = 0, H5R_OBJECT = 0;
    public const int H5F_LIBVER_EARLIEST = 0, H5F_LIBVER_V18 = 1;
    // H5D_layout_t, H5Z_filter_t (H5Dpublic.h, H5Zpublic.h)
    public const int H5D_CONTIGUOUS = 1, H5D_CHUNKED = 2;
    public const int H5Z_FILTER_DEFLATE = 1, H5Z_FILTER_SHUFFLE = 2;
    public const ulong HADDR_UNDEF = ulong.MaxValue;
    // H5F_OBJ_* (H5Fpublic.h): what H5Fget_obj_count counts
    public const uint H5F_OBJ_FILE = 0x1, H5F_OBJ_DATASET = 0x2, H5F_OBJ_GROUP = 0x4, H5F_OBJ_DATATYPE = 0x8, H5F_OBJ_ATTR = 0x10;

    [StructLayout(LayoutKind.Sequential)]
    public struct H5E_error2_t
    {
        public long cls_id;
        public long maj_num;
        public long min_num;
        public uint line;
        public byte* func_name;
        public byte* file_name;
        public byte* desc;
    }

    [DllImport(Lib)] public static extern int H5open();
    [DllImport(Lib)] public static extern int H5Eset_auto2(long estack, void* func, void* clientData);
    [DllImport(Lib)] public static extern int H5Ewalk2(long estack, int direction, delegate* unmanaged<uint, H5E_error2_t*, void*, int> func, void* clientData);
    [DllImport(Lib)] public static extern int H5Eclear2(long estack);
    [DllImport(Lib)] public static extern long H5Eget_msg(long msgId, int* type, byte* msg, nuint size);

    [DllImport(Lib)] public static extern int H5Fis_hdf5(byte* name);
    [DllImport(Lib)] public static extern long H5Fopen(byte* name, uint flags, long fapl);
    [DllImport(Lib)] public static extern long H5Fcreate(byte* name, uint flags, long fcpl, long fapl);
    [DllImport(Lib)] public static extern int H5Fclose(long id);
    /// <summary>Open ids in the file (H5F_OBJ_* flags); the return type is ssize_t.</summary>
    [DllImport(Lib)] public static extern nint H5Fget_obj_count(long fileId, uint types);
    [DllImport(Lib)] public static extern long H5Fget_create_plist(long fileId);
    /// <summary>The driver's handle: for the default sec2 driver a pointer to the POSIX file descriptor.</summary>
    [DllImport(Lib)] public static extern int H5Fget_vfd_handle(long fileId, long fapl, void** fileHandle);

    [DllImport(Lib)] public static extern long H5Gopen2(long loc, byte* name, long gapl);
    [DllImport(Lib)] public static extern long H5Gcreate2(long loc, byte* name, long lcpl, long gcpl, long gapl);
    [DllImport(Lib)] public static extern int H5Gclose(long id);

    [DllImport(Lib)] public static extern long H5Oopen(long loc, byte* name, long lapl);
    [DllImport(Lib)] public static extern int H5Oclose(long id);
    [DllImport(Lib)] public static extern int H5Iget_type(long id);
    [DllImport(Lib)] public static extern long H5Iget_file_id(long id);
    [DllImport(Lib)] public static extern int H5Fget_intent(long file, uint* intent);
    [DllImport(Lib)] public static extern nint H5Iget_name(long id, byte* name, nuint size);

    [DllImport(Lib)] public static extern int H5Lexists(long loc, byte* name, long lapl);
    /// <summary>
    /// H5Literate in 1.10; from 1.12 the library exports only H5Literate1/H5Literate2 (the header maps the name). The
    /// arguments are the same; the callback's info struct differs, and our callback does not read it.
    /// </summary>
    public static int H5Literate(long grp, int idxType, int order, ulong* idx, delegate* unmanaged<long, byte*, void*, void*, int> op, void* opData) =>
        ((delegate* unmanaged<long, int, int, ulong*, delegate* unmanaged<long, byte*, void*, void*, int>, void*, int>)Literate.Value)
            (grp, idxType, order, idx, op, opData);

    private static readonly Lazy<IntPtr> Literate = new(() =>
        NativeLibrary.GetExport(Hdf5Loader.Handle, Hdf5Loader.AtLeast112 ? "H5Literate2" : "H5Literate"));

    [DllImport(Lib)] public static extern long H5Dopen2(long loc, byte* name, long dapl);
    [DllImport(Lib)] public static extern long H5Dcreate2(long loc, byte* name, long type, long space, long lcpl, long dcpl, long dapl);
    [DllImport(Lib)] public static extern int H5Dclose(long id);
    [DllImport(Lib)] public static extern long H5Dget_space(long id);
    [DllImport(Lib)] public static extern long H5Dget_type(long id);
    [DllImport(Lib)] public static extern long H5Dget_create_plist(long id);
    [DllImport(Lib)] public static extern ulong H5Dget_offset(long id);
    [DllImport(Lib)] public static extern ulong H5Dget_storage_size(long id);
    [DllImport(Lib)] public static extern int H5Dread(long dset, long memType, long memSpace, long fileSpace, long xfer, void* buf);
    [DllImport(Lib)] public static extern int H5Dwrite(long dset, long memType, long memSpace, long fileSpace, long xfer, void* buf);
    [DllImport(Lib)] public static extern int H5Dvlen_reclaim(long type, long space, long plist, void* buf);

    [DllImport(Lib)] public static extern long H5Screate(int type);
    [DllImport(Lib)] public static extern long H5Screate_simple(int rank, ulong* dims, ulong* maxdims);
    [DllImport(Lib)] public static extern int H5Sclose(long id);
    [DllImport(Lib)] public static extern int H5Sget_simple_extent_ndims(long id);
    [DllImport(Lib)] public static extern int H5Sget_simple_extent_dims(long id, ulong* dims, ulong* maxdims);
    [DllImport(Lib)] public static extern int H5Sget_simple_extent_type(long id);
    [DllImport(Lib)] public static extern int H5Sselect_hyperslab(long space, int op, ulong* start, ulong* stride, ulong* count, ulong* block);

    [DllImport(Lib)] public static extern long H5Tcopy(long type);
    [DllImport(Lib)] public static extern int H5Tclose(long id);
    [DllImport(Lib)] public static extern int H5Tget_class(long type);
    [DllImport(Lib)] public static extern nuint H5Tget_size(long type);
    [DllImport(Lib)] public static extern int H5Tset_size(long type, nuint size);
    [DllImport(Lib)] public static extern int H5Tget_sign(long type);
    [DllImport(Lib)] public static extern int H5Tis_variable_str(long type);
    [DllImport(Lib)] public static extern int H5Tget_cset(long type);
    [DllImport(Lib)] public static extern int H5Tset_cset(long type, int cset);
    [DllImport(Lib)] public static extern int H5Tget_strpad(long type);
    [DllImport(Lib)] public static extern long H5Tget_super(long type);
    [DllImport(Lib)] public static extern long H5Tget_native_type(long type, int direction);
    [DllImport(Lib)] public static extern int H5Tget_nmembers(long type);
    [DllImport(Lib)] public static extern byte* H5Tget_member_name(long type, uint index);
    [DllImport(Lib)] public static extern long H5Tget_member_type(long type, uint index);
    [DllImport(Lib)] public static extern long H5Tcreate(int cls, nuint size);
    [DllImport(Lib)] public static extern int H5Tinsert(long parent, byte* name, nuint offset, long member);
    [DllImport(Lib)] public static extern long H5Tenum_create(long baseType);
    [DllImport(Lib)] public static extern int H5Tenum_insert(long type, byte* name, void* value);
    [DllImport(Lib)] public static extern long H5Tarray_create2(long baseType, uint ndims, ulong* dims);
    [DllImport(Lib)] public static extern int H5Tget_array_ndims(long type);
    [DllImport(Lib)] public static extern int H5Tget_array_dims2(long type, ulong* dims);
    [DllImport(Lib)] public static extern int H5Tequal(long a, long b);

    [DllImport(Lib)] public static extern long H5Pcreate(long cls);
    [DllImport(Lib)] public static extern int H5Pclose(long id);
    [DllImport(Lib)] public static extern int H5Pset_obj_track_times(long plist, byte trackTimes);
    [DllImport(Lib)] public static extern int H5Pset_chunk(long plist, int ndims, ulong* dims);
    [DllImport(Lib)] public static extern int H5Pset_deflate(long plist, uint level);
    [DllImport(Lib)] public static extern int H5Pset_shuffle(long plist);
    [DllImport(Lib)] public static extern int H5Pset_libver_bounds(long plist, int low, int high);
    [DllImport(Lib)] public static extern int H5Pset_chunk_cache(long dapl, nuint nslots, nuint nbytes, double w0);
    [DllImport(Lib)] public static extern int H5Pget_layout(long plist);
    [DllImport(Lib)] public static extern int H5Pget_external_count(long plist);
    [DllImport(Lib)] public static extern int H5Pget_nfilters(long plist);
    [DllImport(Lib)] public static extern int H5Pget_chunk(long plist, int maxNdims, ulong* dims);
    [DllImport(Lib)] public static extern int H5Pget_filter2(long plist, uint index, uint* flags, nuint* cdNelmts, uint* cdValues, nuint nameLength, byte* name, uint* filterConfig);
    [DllImport(Lib)] public static extern int H5Pget_userblock(long plist, ulong* size);
    [DllImport(Lib)] public static extern int H5Pset_link_creation_order(long plist, uint flags);
    [DllImport(Lib)] public static extern int H5Pset_attr_creation_order(long plist, uint flags);

    [DllImport(Lib)] public static extern int H5Aexists(long obj, byte* name);
    [DllImport(Lib)] public static extern long H5Aopen(long obj, byte* name, long aapl);
    [DllImport(Lib)] public static extern long H5Acreate2(long loc, byte* name, long type, long space, long acpl, long aapl);
    [DllImport(Lib)] public static extern int H5Aclose(long id);
    [DllImport(Lib)] public static extern long H5Aget_space(long id);
    [DllImport(Lib)] public static extern long H5Aget_type(long id);
    [DllImport(Lib)] public static extern int H5Aread(long attr, long memType, void* buf);
    [DllImport(Lib)] public static extern int H5Awrite(long attr, long memType, void* buf);
    [DllImport(Lib)] public static extern int H5Aiterate2(long loc, int idxType, int order, ulong* idx, delegate* unmanaged<long, byte*, void*, void*, int> op, void* opData);

    [DllImport(Lib)] public static extern long H5Rdereference2(long obj, long oapl, int refType, void* reference);
}
