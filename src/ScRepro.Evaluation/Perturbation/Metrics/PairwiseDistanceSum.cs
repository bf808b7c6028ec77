using System.Runtime.Intrinsics;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// Σ over all pairs (a, b) of the Euclidean distance ‖a − b‖, via ‖a‖² + ‖b‖² − 2a·b as sklearn computes it. Dot products
/// run in a 4×4 register-blocked FMA kernel over float32 K-chunks whose partial sums are added in double, so precision stays
/// near float64 while the arithmetic runs at float32 SIMD speed (the E-distance dominates the suite's cost).
/// </summary>
internal static class PairwiseDistanceSum
{
    private const int BBlock = 64;

    /// <summary>Σ_{i,j} ‖a_i − b_j‖ (for a self block the diagonal is 0 and both orders are counted, as the V-statistic mean does).</summary>
    public static double Sum(CellBlock a, CellBlock b, int threads)
    {
        var blocks = (b.PaddedRows + BBlock - 1) / BBlock;
        var partial = new double[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            blk => partial[blk] = BlockSum(a, b, blk * BBlock, Math.Min(b.PaddedRows, (blk + 1) * BBlock)));
        // Fixed summation order: the result does not depend on the number of threads.
        double total = 0;
        foreach (var p in partial) total += p;
        return total;
    }

    private static unsafe double BlockSum(CellBlock a, CellBlock b, int jStart, int jEnd)
    {
        var width = jEnd - jStart;
        var dots = new double[a.PaddedRows * width];
        fixed (float* pa = a.Data)
        fixed (float* pb = b.Data)
        fixed (double* pd = dots)
        {
            for (var k0 = 0; k0 < a.Stride; k0 += CellBlock.KChunk)
            {
                for (var i = 0; i < a.PaddedRows; i += CellBlock.RowTile)
                {
                    for (var j = jStart; j < jEnd; j += CellBlock.RowTile)
                    {
                        Kernel(pa + (long)i * a.Stride + k0, a.Stride, pb + (long)j * b.Stride + k0, b.Stride,
                            CellBlock.KChunk, pd + (long)i * width + (j - jStart), width);
                    }
                }
            }
        }
        var same = ReferenceEquals(a, b);
        double sum = 0;
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = jStart; j < Math.Min(jEnd, b.Rows); j++)
            {
                if (same && i == j) continue; // exact zero on the diagonal, not rounding noise
                var d2 = a.SquaredNorms[i] + b.SquaredNorms[j] - 2.0 * dots[i * width + (j - jStart)];
                if (d2 > 0) sum += Math.Sqrt(d2);
            }
        }
        return sum;
    }

    // 4 rows of a × 4 rows of b over k floats (k a multiple of 8); adds the 16 dot products into d (row stride ld).
    private static unsafe void Kernel(float* a, int lda, float* b, int ldb, int k, double* d, int ld)
    {
        Vector256<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector256<float> c30 = default, c31 = default, c32 = default, c33 = default;
        for (var kk = 0; kk < k; kk += 8)
        {
            var b0 = Vector256.Load(b + kk);
            var b1 = Vector256.Load(b + ldb + kk);
            var b2 = Vector256.Load(b + 2 * ldb + kk);
            var b3 = Vector256.Load(b + 3 * ldb + kk);
            var a0 = Vector256.Load(a + kk);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            c02 = Vector256.FusedMultiplyAdd(a0, b2, c02);
            c03 = Vector256.FusedMultiplyAdd(a0, b3, c03);
            var a1 = Vector256.Load(a + lda + kk);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            c12 = Vector256.FusedMultiplyAdd(a1, b2, c12);
            c13 = Vector256.FusedMultiplyAdd(a1, b3, c13);
            var a2 = Vector256.Load(a + 2 * lda + kk);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            c22 = Vector256.FusedMultiplyAdd(a2, b2, c22);
            c23 = Vector256.FusedMultiplyAdd(a2, b3, c23);
            var a3 = Vector256.Load(a + 3 * lda + kk);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            c32 = Vector256.FusedMultiplyAdd(a3, b2, c32);
            c33 = Vector256.FusedMultiplyAdd(a3, b3, c33);
        }
        d[0] += Sum(c00); d[1] += Sum(c01); d[2] += Sum(c02); d[3] += Sum(c03);
        d[ld] += Sum(c10); d[ld + 1] += Sum(c11); d[ld + 2] += Sum(c12); d[ld + 3] += Sum(c13);
        d[2 * ld] += Sum(c20); d[2 * ld + 1] += Sum(c21); d[2 * ld + 2] += Sum(c22); d[2 * ld + 3] += Sum(c23);
        d[3 * ld] += Sum(c30); d[3 * ld + 1] += Sum(c31); d[3 * ld + 2] += Sum(c32); d[3 * ld + 3] += Sum(c33);
    }

    // Lane sum in double, so the float32 chunk sums lose nothing more when combined.
    private static double Sum(Vector256<float> v)
    {
        var (lo, hi) = Vector256.Widen(v);
        return Vector256.Sum(lo + hi);
    }
}
