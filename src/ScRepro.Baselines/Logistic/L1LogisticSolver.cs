using System.Numerics;

namespace ScRepro.Baselines.Logistic;

/// <summary>
/// liblinear's solver for L1-regularised logistic regression (solve_l1r_lr: newGLMNET, Yuan, Ho and Lin 2012), as
/// sklearn 1.2 bundles it: min_w ‖w‖₁ + Σᵢ Cᵢ log(1 + exp(−yᵢ wᵀxᵢ)), the bias being an ordinary (penalised) column.
/// An outer Newton loop (at most <c>maxNewtonIter</c> = sklearn's max_iter) builds a quadratic model, an inner
/// randomised coordinate descent (at most 1000 cycles) solves it with shrinking, then a backtracking line search.
/// The stopping rule compares the 1-norm of the minimum-norm subgradient with eps × its initial value, where eps is
/// liblinear's primal_solver_tol = tol · max(min(#pos, #neg), 1) / l.
/// </summary>
/// <remarks>
/// One class per call, on purpose. Solving four classes in lockstep with τ and X·d interleaved [instance][class]
/// (one 32-byte load per stored value for the group in the gradient and X·d passes) was built and measured on the
/// logistic bench, alternating with this solver group by group in one process: 3.5% less CPU with groups of 4, 4.5%
/// more with the 2, 3, 3, 3 groups that balance two threads. The interleaved τ of four classes (1.75 MB at 54,760
/// instances) no longer stays in a 2 MB L2 next to the rest, whereas one class's τ (0.44 MB) does, and the lanes of
/// classes that have stopped still cost their share of each load.
/// </remarks>
internal static unsafe class L1LogisticSolver
{
    private const int MaxInnerCycles = 1000;
    private const int MaxLineSearch = 20;
    private const double Nu = 1e-12;
    private const double Sigma = 0.01;

    /// <summary>
    /// Solves one binary problem; <paramref name="positive"/>[i] says whether instance i is +1. One C for both
    /// labels (liblinear's Cp = Cn): sklearn passes class weights there, and the spec fixes class_weight=None.
    /// </summary>
    /// <returns>The weights (bias last) and the number of Newton iterations, as sklearn's n_iter_.</returns>
    public static (double[] W, int Iterations) Solve(ColumnProblem prob, bool[] positive, double c,
        double tol, int maxNewtonIter, ulong seed) =>
        prob.NarrowRowIdx is { } narrow
            ? Solve(prob, narrow, positive, c, tol, maxNewtonIter, seed)
            : Solve(prob, prob.RowIdx!, positive, c, tol, maxNewtonIter, seed);

    // Generic over the row-index width (16 or 32 bits): the JIT compiles one copy per width, so the conversion to
    // int is a plain zero- or no-extension in the hot loops. Called once per class, so tiered JIT would run it as
    // tier-0/OSR code: compile it fully optimised at once.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (double[] W, int Iterations) Solve<TRow>(ColumnProblem prob, TRow[] rowIdx, bool[] positive,
        double c, double tol, int maxNewtonIter, ulong seed)
        where TRow : unmanaged, IBinaryInteger<TRow>
    {
        var l = prob.Rows;
        var wSize = prob.WeightCount;
        var colPtr = prob.ColPtr;
        var vals = prob.Values;

        var nPos = 0;
        for (var i = 0; i < l; i++) if (positive[i]) nPos++;
        var eps = tol * Math.Max(Math.Min(nPos, l - nPos), 1) / l;

        // Cᵢ on the negative instances, 0 on the positive ones: the sums over negatives multiply by it instead of
        // branching on the label, which mispredicts for every balanced class (adding 0·x leaves a sum unchanged).
        var negC = new double[l];
        for (var i = 0; i < l; i++) negC[i] = positive[i] ? 0 : c;

        var w = new double[wSize];
        var wpd = new double[wSize];
        var hdiag = new double[wSize];
        var grad = new double[wSize];
        var xjNegSum = new double[wSize];
        var index = new int[wSize];
        var expWTx = new double[l];
        var expWTxNew = new double[l];
        // τᵢ = C·σ(−wᵀxᵢ) in double: it makes the gradient that the stopping rule reads. 8 bytes per instance, so
        // the gradient pass gathers from half the memory; it derives Dᵢ = τᵢ(1 − τᵢ/C) itself.
        var tau = new double[l];
        // D (Hessian weights) and xTd (X·direction) side by side: the inner loop reads both for the same instance,
        // so one cache line serves both gathers.
        var dx = new CurvatureAndStep[l];
        // X·(wpd − w) in double, recomputed from the weights after each inner solve: the line search and exp(wᵀx)
        // must not inherit the single-precision running sums of the inner loop (liblinear keeps one double array).
        var xTd = new double[l];
        var rng = new SplitMix64(seed);

        // w starts at 0, so exp(wᵀx) = 1 for every instance.
        for (var j = 0; j < wSize; j++)
        {
            index[j] = j;
            var sum = 0.0;
            for (var p = colPtr[j]; p < colPtr[j + 1]; p++)
                sum += negC[int.CreateTruncating(rowIdx[p])] * FloatWidening.Widen(vals[p]);
            xjNegSum[j] = sum;
        }
        for (var i = 0; i < l; i++) expWTx[i] = 1.0;
        UpdateTauAndD(expWTx, c, tau, dx);

        // Raw pointers in the hot loops: the gathers over instance arrays are the whole cost, and bounds checks on
        // four arrays per stored value roughly double it.
        fixed (TRow* pRow = rowIdx)
        fixed (float* pVal = vals)
        fixed (double* pTau = tau)
        fixed (double* pXTd = xTd)
        fixed (CurvatureAndStep* pDx = dx)
        {
        double wNorm = 0, gmaxOld = double.PositiveInfinity, gnorm1Init = -1, innerEps = 1;
        var newtonIter = 0;
        var qpNoChange = 0;
        while (newtonIter < maxNewtonIter)
        {
            // Gradient and Hessian diagonal of the smooth part over the active set (outer-level shrinking).
            double gmaxNew = 0, gnorm1New = 0;
            var activeSize = wSize;
            for (var s = 0; s < activeSize; s++)
            {
                var j = index[s];
                var (h, g) = ColumnKernels.HessianAndGradient(pRow, pVal, colPtr[j], colPtr[j + 1], pTau, 1 / c);
                hdiag[j] = Nu + h;
                grad[j] = xjNegSum[j] - g;

                var gp = grad[j] + 1;
                var gn = grad[j] - 1;
                double violation;
                if (w[j] == 0)
                {
                    if (gp < 0) violation = -gp;
                    else if (gn > 0) violation = gn;
                    else if (gp > gmaxOld / l && gn < -gmaxOld / l)
                    {
                        activeSize--;
                        (index[s], index[activeSize]) = (index[activeSize], index[s]);
                        s--;
                        continue;
                    }
                    else violation = 0;
                }
                else violation = w[j] > 0 ? Math.Abs(gp) : Math.Abs(gn);
                gmaxNew = Math.Max(gmaxNew, violation);
                gnorm1New += violation;
            }
            if (newtonIter == 0) gnorm1Init = gnorm1New;
            // liblinear also stops when ten Newton steps in a row changed nothing in the inner loop.
            if (gnorm1New <= eps * gnorm1Init || qpNoChange >= 10) break;
            qpNoChange++;

            // Inner coordinate descent on the quadratic model, over wpd (w + direction).
            var cycles = 0;
            var qpGmaxOld = double.PositiveInfinity;
            var qpActiveSize = activeSize;
            for (var i = 0; i < l; i++) pDx[i].XTd = 0;
            while (cycles < MaxInnerCycles)
            {
                double qpGmaxNew = 0, qpGnorm1New = 0;
                for (var j = 0; j < qpActiveSize; j++)
                {
                    var r = j + rng.NextInt(qpActiveSize - j);
                    (index[r], index[j]) = (index[j], index[r]);
                }
                for (var s = 0; s < qpActiveSize; s++)
                {
                    var j = index[s];
                    var h = hdiag[j];
                    var g = grad[j] + (wpd[j] - w[j]) * Nu;
                    int start = colPtr[j], end = colPtr[j + 1];
                    g += ColumnKernels.QuadraticGradient(pRow, pVal, start, end, pDx);
                    var gp = g + 1;
                    var gn = g - 1;
                    double violation;
                    if (wpd[j] == 0)
                    {
                        if (gp < 0) violation = -gp;
                        else if (gn > 0) violation = gn;
                        else if (gp > qpGmaxOld / l && gn < -qpGmaxOld / l)
                        {
                            qpActiveSize--;
                            (index[s], index[qpActiveSize]) = (index[qpActiveSize], index[s]);
                            s--;
                            continue;
                        }
                        else violation = 0;
                    }
                    else violation = wpd[j] > 0 ? Math.Abs(gp) : Math.Abs(gn);

                    // Closed-form minimiser of the one-variable quadratic + |.|.
                    double z;
                    if (gp < h * wpd[j]) z = -gp / h;
                    else if (gn > h * wpd[j]) z = -gn / h;
                    else z = -wpd[j];
                    if (Math.Abs(z) < 1.0e-12) continue;
                    z = Math.Clamp(z, -10.0, 10.0);

                    qpNoChange = 0;
                    qpGmaxNew = Math.Max(qpGmaxNew, violation);
                    qpGnorm1New += violation;
                    wpd[j] += z;
                    ColumnKernels.AddScaledColumn(pRow, pVal, start, end, (float)z, pDx);
                }
                cycles++;
                if (qpGnorm1New <= innerEps * gnorm1Init)
                {
                    if (qpActiveSize == activeSize) break;
                    qpActiveSize = activeSize; // reactivate the shrunk coordinates and check them once more
                    qpGmaxOld = double.PositiveInfinity;
                    continue;
                }
                qpGmaxOld = qpGmaxNew;
            }

            // Armijo backtracking on the full objective along wpd − w.
            double delta = 0, wNormNew = 0;
            Array.Clear(xTd);
            for (var j = 0; j < wSize; j++)
            {
                var d = wpd[j] - w[j];
                if (d != 0) ColumnKernels.AddScaledColumn(pRow, pVal, colPtr[j], colPtr[j + 1], d, pXTd);
                delta += grad[j] * d;
                if (wpd[j] != 0) wNormNew += Math.Abs(wpd[j]);
            }
            delta += wNormNew - wNorm;
            double negSumXTd = 0;
            for (var i = 0; i < l; i++) negSumXTd += negC[i] * xTd[i];

            var searches = 0;
            for (; searches < MaxLineSearch; searches++)
            {
                var cond = wNormNew - wNorm + negSumXTd - Sigma * delta;
                for (var i = 0; i < l; i++)
                {
                    var expXTd = Math.Exp(xTd[i]);
                    expWTxNew[i] = expWTx[i] * expXTd;
                    cond += c * Math.Log((1 + expWTxNew[i]) / (expXTd + expWTxNew[i]));
                }
                if (cond <= 0)
                {
                    wNorm = wNormNew;
                    Array.Copy(wpd, w, wSize);
                    Array.Copy(expWTxNew, expWTx, l);
                    UpdateTauAndD(expWTx, c, tau, dx);
                    break;
                }
                wNormNew = 0;
                for (var j = 0; j < wSize; j++)
                {
                    wpd[j] = (w[j] + wpd[j]) * 0.5;
                    if (wpd[j] != 0) wNormNew += Math.Abs(wpd[j]);
                }
                delta *= 0.5;
                negSumXTd *= 0.5;
                for (var i = 0; i < l; i++) xTd[i] *= 0.5;
            }
            if (searches >= MaxLineSearch)
            {
                // As liblinear: refresh exp(wᵀx) from w to shed accumulated rounding (tau and D are kept).
                Array.Clear(expWTx);
                for (var j = 0; j < wSize; j++)
                {
                    if (w[j] == 0) continue;
                    for (var p = colPtr[j]; p < colPtr[j + 1]; p++) expWTx[int.CreateTruncating(rowIdx[p])] += w[j] * FloatWidening.Widen(vals[p]);
                }
                for (var i = 0; i < l; i++) expWTx[i] = Math.Exp(expWTx[i]);
            }
            if (cycles == 1) innerEps *= 0.25;
            newtonIter++;
            gmaxOld = gmaxNew;
        }
        return (w, newtonIter);
        }
    }

    private static void UpdateTauAndD(double[] expWTx, double c, double[] tau, CurvatureAndStep[] dx)
    {
        for (var i = 0; i < expWTx.Length; i++)
        {
            var t = 1 / (1 + expWTx[i]);
            tau[i] = c * t;
            // liblinear writes C·e·t², which is NaN once e overflows; t·(1−t) is the same number without that trap.
            dx[i].D = (float)(c * t * (1 - t));
        }
    }
}
