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
/// The reductions gather eight rows per step with AVX2 where the processor has it, and sum in a fixed lane order,
/// so the result depends on the instruction set but never on threads or timing. Each term is rounded exactly as in
/// the scalar loop (float products, widened, then added in double); only the summation order differs.
/// </remarks>
internal static unsafe class ColumnKernels
{
    /// <summary>Σ v²·Dᵢ and Σ v·τᵢ over the column: the Hessian diagonal and the loss part of the gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double H, double G) HessianAndGradient<TRow>(TRow* rows, float* vals, int start, int end, SlopeAndCurvature* td)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        double h0 = 0, h1 = 0, g0 = 0, g1 = 0;
        var p = start;
        if (Avx2.IsSupported && end - start >= 8)
        {
            // A slot is 16 bytes: index 2·row at scale 8 addresses τ (offset 0) and D (offset 8).
            var tauBase = (double*)td;
            var dBase = (float*)td + 2;
            Vector256<double> vh0 = default, vh1 = default, vg0 = default, vg1 = default;
            for (; p + 7 < end; p += 8)
            {
                var idx = LoadRows(rows + p);
                idx += idx;
                var d = Avx2.GatherVector256(dBase, idx, 8);
                var tauLo = Avx2.GatherVector256(tauBase, idx.GetLower(), 8);
                var tauHi = Avx2.GatherVector256(tauBase, idx.GetUpper(), 8);
                var v = Avx.LoadVector256(vals + p);
                var hv = v * v * d;
                vh0 += Avx.ConvertToVector256Double(hv.GetLower());
                vh1 += Avx.ConvertToVector256Double(hv.GetUpper());
                vg0 += Avx.ConvertToVector256Double(v.GetLower()) * tauLo;
                vg1 += Avx.ConvertToVector256Double(v.GetUpper()) * tauHi;
            }
            h0 = Vector256.Sum(vh0 + vh1);
            g0 = Vector256.Sum(vg0 + vg1);
        }
        // Two independent accumulators per sum: one add chain per sum is latency-bound (4 cycles per stored value).
        for (; p + 1 < end; p += 2)
        {
            SlopeAndCurvature* a = td + int.CreateTruncating(rows[p]), b = td + int.CreateTruncating(rows[p + 1]);
            float v0 = vals[p], v1 = vals[p + 1];
            h0 += FloatWidening.Widen(v0 * v0 * a->D);
            g0 += FloatWidening.Widen(v0) * a->Tau;
            h1 += FloatWidening.Widen(v1 * v1 * b->D);
            g1 += FloatWidening.Widen(v1) * b->Tau;
        }
        if (p < end)
        {
            var a = td + int.CreateTruncating(rows[p]);
            var v = vals[p];
            h0 += FloatWidening.Widen(v * v * a->D);
            g0 += FloatWidening.Widen(v) * a->Tau;
        }
        return (h0 + h1, g0 + g1);
    }

    /// <summary>Σ v·Dᵢ·(xᵢᵀd) over the column: the quadratic model's part of one coordinate's gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double QuadraticGradient<TRow>(TRow* rows, float* vals, int start, int end, CurvatureAndStep* dx)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        var p = start;
        if (Avx2.IsSupported && end - start >= 8)
        {
            // A slot is 8 bytes: index row at scale 8 addresses D (offset 0) and xᵀd (offset 4).
            var dBase = (float*)dx;
            var xBase = (float*)dx + 1;
            Vector256<double> acc0 = default, acc1 = default;
            for (; p + 7 < end; p += 8)
            {
                var idx = LoadRows(rows + p);
                var prod = Avx.LoadVector256(vals + p) * Avx2.GatherVector256(dBase, idx, 8) * Avx2.GatherVector256(xBase, idx, 8);
                acc0 += Avx.ConvertToVector256Double(prod.GetLower());
                acc1 += Avx.ConvertToVector256Double(prod.GetUpper());
            }
            g0 = Vector256.Sum(acc0 + acc1);
        }
        // Four accumulators: a single add chain, not the memory, would bound the scalar loop.
        for (; p + 3 < end; p += 4)
        {
            CurvatureAndStep* a = dx + int.CreateTruncating(rows[p]), b = dx + int.CreateTruncating(rows[p + 1]);
            CurvatureAndStep* c = dx + int.CreateTruncating(rows[p + 2]), d = dx + int.CreateTruncating(rows[p + 3]);
            g0 += FloatWidening.Widen(vals[p] * a->D * a->XTd);
            g1 += FloatWidening.Widen(vals[p + 1] * b->D * b->XTd);
            g2 += FloatWidening.Widen(vals[p + 2] * c->D * c->XTd);
            g3 += FloatWidening.Widen(vals[p + 3] * d->D * d->XTd);
        }
        for (; p < end; p++)
        {
            var a = dx + int.CreateTruncating(rows[p]);
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
        var p = start;
        for (; p + 3 < end; p += 4)
        {
            float v0 = vals[p], v1 = vals[p + 1], v2 = vals[p + 2], v3 = vals[p + 3];
            dx[int.CreateTruncating(rows[p])].XTd += v0 * z;
            dx[int.CreateTruncating(rows[p + 1])].XTd += v1 * z;
            dx[int.CreateTruncating(rows[p + 2])].XTd += v2 * z;
            dx[int.CreateTruncating(rows[p + 3])].XTd += v3 * z;
        }
        for (; p < end; p++) dx[int.CreateTruncating(rows[p])].XTd += vals[p] * z;
    }

    /// <summary>target[i] += z·v at the column's rows, in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaledColumn<TRow>(TRow* rows, float* vals, int start, int end, double z, double* target)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        var p = start;
        for (; p + 3 < end; p += 4)
        {
            target[int.CreateTruncating(rows[p])] += FloatWidening.Widen(vals[p]) * z;
            target[int.CreateTruncating(rows[p + 1])] += FloatWidening.Widen(vals[p + 1]) * z;
            target[int.CreateTruncating(rows[p + 2])] += FloatWidening.Widen(vals[p + 2]) * z;
            target[int.CreateTruncating(rows[p + 3])] += FloatWidening.Widen(vals[p + 3]) * z;
        }
        for (; p < end; p++) target[int.CreateTruncating(rows[p])] += FloatWidening.Widen(vals[p]) * z;
    }

    /// <summary>Eight row indices as 32-bit lanes (16-bit ones zero-extended).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> LoadRows<TRow>(TRow* rows) where TRow : unmanaged =>
        typeof(TRow) == typeof(ushort) ? Avx2.ConvertToVector256Int32((ushort*)rows) : Avx.LoadVector256((int*)rows);
}
