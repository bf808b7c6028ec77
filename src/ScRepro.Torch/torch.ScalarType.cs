namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>Element types; values are c10::ScalarType's codes (TorchSharp's names).</summary>
    public enum ScalarType : sbyte
    {
        Byte = 0,
        Int8 = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Float16 = 5,
        Float32 = 6,
        Float64 = 7,
        ComplexFloat32 = 9,
        ComplexFloat64 = 10,
        Bool = 11,
        BFloat16 = 15,
    }

    // PyTorch's dtype names.
    public static readonly ScalarType uint8 = ScalarType.Byte;
    public static readonly ScalarType int8 = ScalarType.Int8;
    public static readonly ScalarType int16 = ScalarType.Int16;
    public static readonly ScalarType int32 = ScalarType.Int32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType float16 = ScalarType.Float16;
    public static readonly ScalarType half = ScalarType.Float16;
    public static readonly ScalarType bfloat16 = ScalarType.BFloat16;
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType float64 = ScalarType.Float64;
    public static readonly ScalarType @bool = ScalarType.Bool;
    public static readonly ScalarType @float = ScalarType.Float32;
    public static readonly ScalarType @double = ScalarType.Float64;
    public static readonly ScalarType @long = ScalarType.Int64;
    public static readonly ScalarType @int = ScalarType.Int32;
    public static readonly ScalarType @short = ScalarType.Int16;

    /// <summary>True for floating-point element types.</summary>
    public static bool is_floating_point(ScalarType t) =>
        t is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    /// <summary>Bytes per element.</summary>
    public static int element_size(ScalarType t) => t switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "unknown dtype"),
    };
}
