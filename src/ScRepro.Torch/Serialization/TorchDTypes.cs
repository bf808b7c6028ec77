namespace ScRepro.Torch.Serialization;

/// <summary>Names, sizes and per-format codes of <see cref="TorchDType"/>.</summary>
public static class TorchDTypes
{
    private static readonly (TorchDType Type, string Name, int Size, string Storage, string SafeCode, int SafeRank)[] Table =
    [
        // SafeRank is the position of the code in safetensors' Dtype enum; its writer orders tensors by it (descending).
        (TorchDType.Float32, "float32", 4, "FloatStorage", "F32", 11),
        (TorchDType.Float16, "float16", 2, "HalfStorage", "F16", 7),
        (TorchDType.BFloat16, "bfloat16", 2, "BFloat16Storage", "BF16", 8),
        (TorchDType.Float64, "float64", 8, "DoubleStorage", "F64", 12),
        (TorchDType.Int64, "int64", 8, "LongStorage", "I64", 13),
        (TorchDType.Int32, "int32", 4, "IntStorage", "I32", 9),
        (TorchDType.Int16, "int16", 2, "ShortStorage", "I16", 5),
        (TorchDType.Int8, "int8", 1, "CharStorage", "I8", 2),
        (TorchDType.UInt8, "uint8", 1, "ByteStorage", "U8", 1),
        (TorchDType.Bool, "bool", 1, "BoolStorage", "BOOL", 0),
    ];

    /// <summary>The torch name without the <c>torch.</c> prefix, e.g. "bfloat16".</summary>
    public static string Name(this TorchDType dtype) => Row(dtype).Name;

    /// <summary>Bytes per element.</summary>
    public static int ItemSize(this TorchDType dtype) => Row(dtype).Size;

    /// <summary>The legacy typed-storage class torch.save pickles for this dtype, e.g. "FloatStorage".</summary>
    public static string StorageClass(this TorchDType dtype) => Row(dtype).Storage;

    /// <summary>The safetensors header code, e.g. "F32".</summary>
    public static string SafetensorsCode(this TorchDType dtype) => Row(dtype).SafeCode;

    internal static int SafetensorsRank(this TorchDType dtype) => Row(dtype).SafeRank;

    /// <summary>True for float32/16, bfloat16 and float64.</summary>
    public static bool IsFloatingPoint(this TorchDType dtype) =>
        dtype is TorchDType.Float32 or TorchDType.Float16 or TorchDType.BFloat16 or TorchDType.Float64;

    /// <summary>Parses a torch dtype name ("float32", also "torch.float32").</summary>
    public static bool TryParse(string name, out TorchDType dtype)
    {
        var bare = name.StartsWith("torch.", StringComparison.Ordinal) ? name["torch.".Length..] : name;
        foreach (var row in Table)
        {
            if (row.Name == bare) { dtype = row.Type; return true; }
        }
        dtype = default;
        return false;
    }

    internal static bool TryFromStorageClass(string storageClass, out TorchDType dtype)
    {
        foreach (var row in Table)
        {
            if (row.Storage == storageClass) { dtype = row.Type; return true; }
        }
        dtype = default;
        return false;
    }

    internal static bool TryFromSafetensorsCode(string code, out TorchDType dtype)
    {
        foreach (var row in Table)
        {
            if (row.SafeCode == code) { dtype = row.Type; return true; }
        }
        dtype = default;
        return false;
    }

    private static (TorchDType Type, string Name, int Size, string Storage, string SafeCode, int SafeRank) Row(TorchDType dtype)
    {
        foreach (var row in Table)
        {
            if (row.Type == dtype) return row;
        }
        throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype");
    }
}
