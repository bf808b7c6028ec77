using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScRepro.Baselines.Logistic;

/// <summary>
/// The column loops of <see cref="L1LogisticSolver"/>: each walks one column (row index + value) and gathers or
/// scatters per-instance state at its rows. They are the whole cost of the solver. Generic over the row-index width
/// (16 or 32 bits, see <see cref="ColumnProblem"/>): the JIT compiles one copy per width.
/// </summary>
/// <remarks>
/// The reductions take eight rows per step with AVX2 where the processor has it, and sum in a fixed lane order,
/// so the result depends on the instruction set but never on threads or timing. Each term is rounded exactly as in
/// the scalar loop; only the summation order differs.
/// </remarks>
internal static unsafe class ColumnKernels
{
    /// <summary>
    /// Σ v²·Dᵢ and Σ v·τᵢ over the column: the Hessian diagonal and the loss part of the gradient, with
    /// Dᵢ = τᵢ(1 − τᵢ/C) (= C·σ(1 − σ)) derived from τ so that only τ is gathered.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double H, double G) HessianAndGradient<TRow>(TRow* rows, float* vals, int start, int end, double* tau, double invC)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        double h0 = 0, h1 = 0, g0 = 0, g1 = 0;
        nint p = start;
        if (Avx2.IsSupported && end - start >= 8)
        {
            var one = Vector256.Create(1.0);
            var scale = Vector256.Create(invC);
            Vector256<double> vh0 = default, vh1 = default, vg0 = default, vg1 = default;
            for (; p + 7 < end; p += 8)
            {
                // τ by eight plain loads, not two gathers: 5-6% less CPU for the whole fit on the 10,000-cell
                // process bench (EPYC, two farm-bench runs). Same lanes, same arithmetic as the gathers gave.
                var tauLo = Vector256.Create(tau[Row(rows[p])], tau[Row(rows[p + 1])],
                    tau[Row(rows[p + 2])], tau[Row(rows[p + 3])]);
                var tauHi = Vector256.Create(tau[Row(rows[p + 4])], tau[Row(rows[p + 5])],
                    tau[Row(rows[p + 6])], tau[Row(rows[p + 7])]);
                var v = Avx.LoadVector256(vals + p);
                var vLo = Avx.ConvertToVector256Double(v.GetLower());
                var vHi = Avx.ConvertToVector256Double(v.GetUpper());
                vh0 += vLo * vLo * (tauLo * (one - tauLo * scale));
                vh1 += vHi * vHi * (tauHi * (one - tauHi * scale));
                vg0 += vLo * tauLo;
                vg1 += vHi * tauHi;
            }
            h0 = Vector256.Sum(vh0 + vh1);
            g0 = Vector256.Sum(vg0 + vg1);
        }
        // Two independent accumulators per sum: one add chain per sum is latency-bound (4 cycles per stored value).
        for (; p + 1 < end; p += 2)
        {
            double t0 = tau[Row(rows[p])], t1 = tau[Row(rows[p + 1])];
            double v0 = FloatWidening.Widen(vals[p]), v1 = FloatWidening.Widen(vals[p + 1]);
            h0 += v0 * v0 * (t0 * (1 - t0 * invC));
            g0 += v0 * t0;
            h1 += v1 * v1 * (t1 * (1 - t1 * invC));
            g1 += v1 * t1;
        }
        if (p < end)
        {
            var t = tau[Row(rows[p])];
            var v = FloatWidening.Widen(vals[p]);
            h0 += v * v * (t * (1 - t * invC));
            g0 += v * t;
        }
        return (h0 + h1, g0 + g1);
    }

    /// <summary>Σ v·Dᵢ·(xᵢᵀd) over the column: the quadratic model's part of one coordinate's gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double QuadraticGradient<TRow>(TRow* rows, float* vals, int start, int end, CurvatureAndStep* dx)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        nint p = start;
        if (Avx2.IsSupported && end - start >= 8)
        {
            // A slot is 8 bytes (D, xᵀd): one 64-bit load fetches both. Eight plain loads beat two 32-bit gathers
            // of eight (11% less CPU for the whole 10,000-cell process bench, EPYC, farm-bench median of 10 pairs)
            // and two 64-bit gathers of four (5-10% less again, two runs of 12 and 14 pairs). Rows 0,1,4,5 and
            // 2,3,6,7 go to the two vectors so that the even/odd split within 128-bit halves puts D and xᵀd back in
            // row order: the same products as the plain loop.
            var slots = (long*)dx;
            Vector256<double> acc0 = default, acc1 = default;
            for (; p + 7 < end; p += 8)
            {
                var a = Vector256.Create(slots[Row(rows[p])], slots[Row(rows[p + 1])], slots[Row(rows[p + 4])], slots[Row(rows[p + 5])]).AsSingle();
                var b = Vector256.Create(slots[Row(rows[p + 2])], slots[Row(rows[p + 3])], slots[Row(rows[p + 6])], slots[Row(rows[p + 7])]).AsSingle();
                var d = Avx.Shuffle(a, b, 0b10_00_10_00);
                var x = Avx.Shuffle(a, b, 0b11_01_11_01);
                var prod = Avx.LoadVector256(vals + p) * d * x;
                acc0 += Avx.ConvertToVector256Double(prod.GetLower());
                acc1 += Avx.ConvertToVector256Double(prod.GetUpper());
            }
            g0 = Vector256.Sum(acc0 + acc1);
        }
        // Four accumulators: a single add chain, not the memory, would bound the scalar loop.
        for (; p + 3 < end; p += 4)
        {
            CurvatureAndStep* a = dx + Row(rows[p]), b = dx + Row(rows[p + 1]);
            CurvatureAndStep* c = dx + Row(rows[p + 2]), d = dx + Row(rows[p + 3]);
            g0 += FloatWidening.Widen(vals[p] * a->D * a->XTd);
            g1 += FloatWidening.Widen(vals[p + 1] * b->D * b->XTd);
            g2 += FloatWidening.Widen(vals[p + 2] * c->D * c->XTd);
            g3 += FloatWidening.Widen(vals[p + 3] * d->D * d->XTd);
        }
        for (; p < end; p++)
        {
            var a = dx + Row(rows[p]);
            g0 += FloatWidening.Widen(vals[p] * a->D * a->XTd);
        }
        return (g0 + g1) + (g2 + g3);
    }

    /// <summary>xᵢᵀd += z·v at the column's rows (single precision, the inner coordinate descent's copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledColumn<TRow>(TRow* rows, float* vals, int start, int end, float z, CurvatureAndStep* dx)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        // Unrolled by four: the rows of a column are distinct, so the four read-modify-writes are independent and
        // the loop's own bookkeeping is shared. Same arithmetic as one at a time.
        nint p = start;
        var xTd = (byte*)&dx->XTd;
        var slot = (nuint)sizeof(CurvatureAndStep);
        for (; p + 3 < end; p += 4)
        {
            float v0 = vals[p], v1 = vals[p + 1], v2 = vals[p + 2], v3 = vals[p + 3];
            *(float*)(xTd + Row(rows[p]) * slot) += v0 * z;
            *(float*)(xTd + Row(rows[p + 1]) * slot) += v1 * z;
            *(float*)(xTd + Row(rows[p + 2]) * slot) += v2 * z;
            *(float*)(xTd + Row(rows[p + 3]) * slot) += v3 * z;
        }
        for (; p < end; p++) *(float*)(xTd + Row(rows[p]) * slot) += vals[p] * z;
    }

    /// <summary>target[i] += z·v at the column's rows, in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledColumn<TRow>(TRow* rows, float* vals, int start, int end, double z, double* target)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        nint p = start;
        for (; p + 3 < end; p += 4)
        {
            target[Row(rows[p])] += FloatWidening.Widen(vals[p]) * z;
            target[Row(rows[p + 1])] += FloatWidening.Widen(vals[p + 1]) * z;
            target[Row(rows[p + 2])] += FloatWidening.Widen(vals[p + 2]) * z;
            target[Row(rows[p + 3])] += FloatWidening.Widen(vals[p + 3]) * z;
        }
        for (; p < end; p++) target[Row(rows[p])] += FloatWidening.Widen(vals[p]) * z;
    }

    /// <summary>
    /// A row index as a native unsigned integer: with it (and native-int loop counters) the JIT addresses
    /// base + 8·row directly, without the sign extensions and address arithmetic an int index costs per value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Row<TRow>(TRow row) where TRow : unmanaged, IBinaryInteger<TRow> => nuint.CreateTruncating(row);
}
