using System.Runtime.InteropServices;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>
/// The inspect sum (<see cref="NeumaierSum"/>) gives the same bits as the scalar loop that <c>checkpoint inspect</c>
/// printed before it read stored bytes in place (the reference below is that loop, copied from the
/// CheckpointInspector of commit dd8a6b4), and it is really compensated.
/// </summary>
public sealed class NeumaierSumTests
{
    private static double Reference(double[] values)
    {
        double sum = 0, c = 0;
        foreach (var v in values)
        {
            var t = sum + v;
            c += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + c;
    }

    private static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static void AssertSameBits(float[] values)
    {
        var widened = values.Select(v => (double)v).ToArray();
        var expected = BitConverter.DoubleToInt64Bits(Reference(widened));
        Assert.Equal(expected, BitConverter.DoubleToInt64Bits(NeumaierSum.OfFloat32(Bytes(values))));
        Assert.Equal(expected, BitConverter.DoubleToInt64Bits(NeumaierSum.OfDoubles(widened)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(100_001)]
    public void Should_give_the_bits_of_the_scalar_loop_on_values_spanning_many_magnitudes(int n)
    {
        // m·2^e, random signs: the magnitude test picks s and x about equally often, and ties (|s| = |x|) occur.
        var rng = new Random(n);
        var values = new float[n];
        for (var i = 0; i < n; i++) values[i] = (float)Math.ScaleB(rng.Next(-(1 << 24) + 1, 1 << 24), rng.Next(-30, 11));
        if (n > 2) values[1] = -values[0]; // s = -x exactly: the tie, and a zero sum
        AssertSameBits(values);
    }

    [Fact]
    public void Should_give_the_bits_of_the_scalar_loop_on_infinities_nan_zeros_and_subnormals()
    {
        AssertSameBits([1f, float.PositiveInfinity, 2f]);
        AssertSameBits([float.PositiveInfinity, float.NegativeInfinity]);
        AssertSameBits([1f, float.NaN, 3f]);
        AssertSameBits([-0f, -0f]);
        AssertSameBits([float.Epsilon, -float.Epsilon, float.Epsilon, 1e-40f]);
        AssertSameBits([float.MaxValue, float.MaxValue, -float.MaxValue]);
    }

    [Fact]
    public void Should_keep_small_values_that_a_plain_double_sum_swallows()
    {
        // ±2^60 (exact in float32) among small integers: the exact sum is the small integers' sum, in long arithmetic.
        var rng = new Random(7);
        var values = new float[1000]; // 20 pairs of ±2^60
        long exact = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i % 50 == 0) { values[i] = 1L << 60; continue; }
            if (i % 50 == 25) { values[i] = -(float)(1L << 60); continue; }
            values[i] = rng.Next(-1000, 1000);
            exact += (long)values[i];
        }
        var plain = 0.0;
        foreach (var v in values) plain += v;
        Assert.NotEqual((double)exact, plain); // the case really defeats the plain sum
        Assert.Equal((double)exact, NeumaierSum.OfFloat32(Bytes(values)));
    }
}
