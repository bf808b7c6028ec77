using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScRepro.Torch.Serialization;

/// <summary>
/// The float64 sum that <c>checkpoint inspect</c> prints: Neumaier's compensated sum, one element at a time in
/// logical row-major order, each element widened exactly to double. For every element x: t = s + x; the rounding
/// error of that addition, (big − t) + small with big the operand of larger magnitude (s on a tie), is added to c;
/// s = t. The result is s + c. The order and the operations are the definition: a faster path must give the same bits.
/// </summary>
/// <remarks>
/// The float32 path reads the stored bytes in place (no double[] copy of a 200 MB checkpoint) and picks big/small
/// with a compare-and-blend instead of a branch (a branch on random signs mispredicts half the time); lane 0 of a
/// Vector128 is plain IEEE double arithmetic, so the bits are those of the scalar loop. An infinity gives NaN
/// (∞ − ∞ in the error term), as the scalar definition does.
/// </remarks>
internal static class NeumaierSum
{
    /// <summary>Sum of little-endian float32 values, in order.</summary>
    public static double OfFloat32(ReadOnlySpan<byte> bytes)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian host");
        var values = MemoryMarshal.Cast<byte, float>(bytes);
        Vector128<double> s = default, c = default;
        foreach (var v in values) Add(ref s, ref c, Vector128.CreateScalar((double)v));
        return s.ToScalar() + c.ToScalar();
    }

    /// <summary>Sum of values already in double (other dtypes and strided views, in logical order).</summary>
    public static double OfDoubles(ReadOnlySpan<double> values)
    {
        Vector128<double> s = default, c = default;
        foreach (var v in values) Add(ref s, ref c, Vector128.CreateScalar(v));
        return s.ToScalar() + c.ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref Vector128<double> s, ref Vector128<double> c, Vector128<double> x)
    {
        var t = s + x;
        var sIsBig = Vector128.GreaterThanOrEqual(Vector128.Abs(s), Vector128.Abs(x));
        var big = Vector128.ConditionalSelect(sIsBig, s, x);
        var small = Vector128.ConditionalSelect(sIsBig, x, s);
        c += (big - t) + small;
        s = t;
    }
}
