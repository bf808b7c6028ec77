using System.Runtime.InteropServices;

namespace ScRepro.Hdf5.Native;

/// <summary>
/// HDF5's predefined datatypes and property classes are global variables (H5T_NATIVE_FLOAT_g …), not constants:
/// their values exist only after H5open, so they are read from the loaded library here, once.
/// </summary>
internal static class H5Globals
{
    public static readonly long NativeInt8, NativeUInt8, NativeInt16, NativeUInt16, NativeInt32, NativeUInt32,
        NativeInt64, NativeUInt64, NativeFloat, NativeDouble, CS1, StdRefObj;
    public static readonly long DatasetCreate, DatasetAccess, GroupCreate, FileAccess, FileCreate, AttributeCreate;

    static H5Globals()
    {
        if (H5Native.H5open() < 0) throw new Hdf5Exception("", "", "H5open failed: libhdf5 could not be initialised");
        var lib = Hdf5Loader.Handle;
        long Read(string name) => Marshal.ReadInt64(NativeLibrary.GetExport(lib, name));
        NativeInt8 = Read("H5T_NATIVE_INT8_g");
        NativeUInt8 = Read("H5T_NATIVE_UINT8_g");
        NativeInt16 = Read("H5T_NATIVE_INT16_g");
        NativeUInt16 = Read("H5T_NATIVE_UINT16_g");
        NativeInt32 = Read("H5T_NATIVE_INT32_g");
        NativeUInt32 = Read("H5T_NATIVE_UINT32_g");
        NativeInt64 = Read("H5T_NATIVE_INT64_g");
        NativeUInt64 = Read("H5T_NATIVE_UINT64_g");
        NativeFloat = Read("H5T_NATIVE_FLOAT_g");
        NativeDouble = Read("H5T_NATIVE_DOUBLE_g");
        CS1 = Read("H5T_C_S1_g");
        StdRefObj = Read("H5T_STD_REF_OBJ_g");
        DatasetCreate = Read("H5P_CLS_DATASET_CREATE_ID_g");
        DatasetAccess = Read("H5P_CLS_DATASET_ACCESS_ID_g");
        GroupCreate = Read("H5P_CLS_GROUP_CREATE_ID_g");
        FileAccess = Read("H5P_CLS_FILE_ACCESS_ID_g");
        FileCreate = Read("H5P_CLS_FILE_CREATE_ID_g");
        AttributeCreate = Read("H5P_CLS_ATTRIBUTE_CREATE_ID_g");
    }

    /// <summary>The native memory type for an unmanaged element type.</summary>
    public static long NativeTypeOf<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? NativeFloat
        : typeof(T) == typeof(double) ? NativeDouble
        : typeof(T) == typeof(int) ? NativeInt32
        : typeof(T) == typeof(long) ? NativeInt64
        : typeof(T) == typeof(sbyte) ? NativeInt8
        : typeof(T) == typeof(byte) ? NativeUInt8
        : typeof(T) == typeof(short) ? NativeInt16
        : typeof(T) == typeof(ushort) ? NativeUInt16
        : typeof(T) == typeof(uint) ? NativeUInt32
        : typeof(T) == typeof(ulong) ? NativeUInt64
        : throw new NotSupportedException($"no HDF5 native type for {typeof(T).Name}");
}
