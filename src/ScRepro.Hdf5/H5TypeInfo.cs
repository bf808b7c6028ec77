using System.Runtime.InteropServices;
using ScRepro.Hdf5.Handles;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>A dataset's or attribute's element type, as far as anndata's encodings need it.</summary>
public sealed record H5TypeInfo(H5TypeClass Class, int Size, bool Signed, bool IsVariableString)
{
    /// <summary>Members of a compound type (legacy anndata dataframes, rec-arrays), in file order.</summary>
    public IReadOnlyList<H5Member> Members { get; init; } = [];

    /// <summary>Element count of an array type's element (a compound member like ('X_pca', '&lt;f4', (50,))).</summary>
    public int ArrayLength { get; init; } = 1;

    /// <summary>For array types, the element type.</summary>
    public H5TypeInfo? ArrayBase { get; init; }

    /// <summary>h5py stores numpy bool as an enum over int8 {FALSE: 0, TRUE: 1}.</summary>
    public bool IsBool => Class == H5TypeClass.Enum && Size == 1;

    /// <summary>numpy's dtype name for the type ("float32", "int64", "bool"; strings are "object").</summary>
    public string NumpyName => Class switch
    {
        H5TypeClass.Float => $"float{Size * 8}",
        H5TypeClass.Integer => (Signed ? "int" : "uint") + (Size * 8),
        H5TypeClass.Enum when IsBool => "bool",
        H5TypeClass.String => "object",
        H5TypeClass.Array when ArrayBase is not null => ArrayBase.NumpyName,
        _ => Class.ToString().ToLowerInvariant(),
    };

    internal static unsafe H5TypeInfo From(long typeId)
    {
        var cls = H5Native.H5Tget_class(typeId);
        var size = (int)H5Native.H5Tget_size(typeId);
        switch (cls)
        {
            case H5Native.H5T_INTEGER:
                return new(H5TypeClass.Integer, size, H5Native.H5Tget_sign(typeId) != H5Native.H5T_SGN_NONE, false);
            case H5Native.H5T_FLOAT:
                return new(H5TypeClass.Float, size, true, false);
            case H5Native.H5T_STRING:
                return new(H5TypeClass.String, size, false, H5Native.H5Tis_variable_str(typeId) > 0);
            case H5Native.H5T_ENUM:
                return new(H5TypeClass.Enum, size, true, false);
            case H5Native.H5T_REFERENCE:
                return new(H5TypeClass.Reference, size, false, false);
            case H5Native.H5T_ARRAY:
            {
                var ndims = H5Native.H5Tget_array_ndims(typeId);
                var dims = stackalloc ulong[Math.Max(ndims, 1)];
                H5Native.H5Tget_array_dims2(typeId, dims);
                long n = 1;
                for (var i = 0; i < ndims; i++) n *= (long)dims[i];
                using var super = new DatatypeHandle(H5Native.H5Tget_super(typeId));
                return new(H5TypeClass.Array, size, true, false) { ArrayLength = (int)n, ArrayBase = From(super.Id) };
            }
            case H5Native.H5T_COMPOUND:
            {
                var n = H5Native.H5Tget_nmembers(typeId);
                var members = new List<H5Member>(n);
                for (var i = 0; i < n; i++)
                {
                    var namePtr = H5Native.H5Tget_member_name(typeId, (uint)i);
                    var name = Marshal.PtrToStringUTF8((IntPtr)namePtr) ?? "";
                    NativeMemory.Free(namePtr); // H5free_memory uses the C allocator
                    using var mt = new DatatypeHandle(H5Native.H5Tget_member_type(typeId, (uint)i));
                    members.Add(new H5Member(name, From(mt.Id)));
                }
                return new(H5TypeClass.Compound, size, false, false) { Members = members };
            }
            default:
                return new(H5TypeClass.Other, size, false, false);
        }
    }
}

/// <summary>One field of a compound type.</summary>
public sealed record H5Member(string Name, H5TypeInfo Type);
