namespace ScRepro.Baselines.Logistic;

/// <summary>
/// liblinear's solver for L1-regularised logistic regression (solve_l1r_lr: newGLMNET, Yuan, Ho and Lin 2012), as
/// sklearn 1.2 bundles it: min_w ‖w‖₁ + Σᵢ Cᵢ log(1 + exp(−yᵢ wᵀxᵢ)), the bias being an ordinary (penalised) column.
/// An outer Newton loop (at most <c>maxNewtonIter</c> = sklearn's max_iter) builds a quadratic model, an inner
/// randomised coordinate descent (at most 1000 cycles) solves it with shrinking, then a backtracking line search.
/// The stopping rule compares the 1-norm of the minimum-norm subgradient with eps × its initial value, where eps is
/// liblinear's primal_solver_tol = tol · max(min(#pos, #neg), 1) / l.
/// </summary>
internal static unsafe class L1LogisticSolver
{
    private const int MaxInnerCycles = 1000;
    private const int MaxLineSearch = 20;
    private const double Nu = 1e-12;
    private const double Sigma = 0.01;

    /// <summary>Solves one binary problem; <paramref name="positive"/>[i] says whether instance i is +1.</summary>
    /// <returns>The weights (bias last) and the number of Newton iterations, as sklearn's n_iter_.</returns>
    public static (double[] W, int Iterations) Solve(ColumnProblem prob, bool[] positive, double cPos, double cNeg,
        double tol, int maxNewtonIter, ulong seed)
    {
        var l = prob.Rows;
        var wSize = prob.WeightCount;
        var colPtr = prob.ColPtr;
        var rowIdx = prob.RowIdx;
        var vals = prob.Values;

        var nPos = 0;
        for (var i = 0; i < l; i++) if (positive[i]) nPos++;
        var eps = tol * Math.Max(Math.Min(nPos, l - nPos), 1) / l;

        var c = new double[l];
        for (var i = 0; i < l; i++) c[i] = positive[i] ? cPos : cNeg;

        var w = new double[wSize];
        var wpd = new double[wSize];
        var hdiag = new double[wSize];
        var grad = new double[wSize];
        var xjNegSum = new double[wSize];
        var index = new int[wSize];
        var xTd = new double[l];
        var expWTx = new double[l];
        var expWTxNew = new double[l];
        var tau = new double[l];
        var d = new double[l];
        var rng = new SplitMix64(seed);

        // w starts at 0, so exp(wᵀx) = 1 for every instance.
        for (var j = 0; j < wSize; j++)
        {
            index[j] = j;
            var sum = 0.0;
            for (var p = colPtr[j]; p < colPtr[j + 1]; p++)
            {
                var i = rowIdx[p];
                if (!positive[i]) sum += c[i] * vals[p];
            }
            xjNegSum[j] = sum;
        }
        for (var i = 0; i < l; i++) expWTx[i] = 1.0;
        UpdateTauAndD(expWTx, c, tau, d);

        // Raw pointers in the hot loops: the gathers over instance arrays are the whole cost, and bounds checks on
        // four arrays per stored value roughly double it.
        fixed (int* pRow = rowIdx)
        fixed (float* pVal = vals)
        fixed (double* pD = d, pTau = tau, pXTd = xTd)
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
                var (h, g) = HessianAndGradient(pRow, pVal, colPtr[j], colPtr[j + 1], pD, pTau);
                hdiag[j] = h;
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
            Array.Clear(xTd);
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
                    g += QuadraticGradient(pRow, pVal, start, end, pD, pXTd);
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
                    for (var p = start; p < end; p++) pXTd[pRow[p]] += pVal[p] * z;
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
            for (var j = 0; j < wSize; j++)
            {
                delta += grad[j] * (wpd[j] - w[j]);
                if (wpd[j] != 0) wNormNew += Math.Abs(wpd[j]);
            }
            delta += wNormNew - wNorm;
            double negSumXTd = 0;
            for (var i = 0; i < l; i++) if (!positive[i]) negSumXTd += c[i] * xTd[i];

            var searches = 0;
            for (; searches < MaxLineSearch; searches++)
            {
                var cond = wNormNew - wNorm + negSumXTd - Sigma * delta;
                for (var i = 0; i < l; i++)
                {
                    var expXTd = Math.Exp(xTd[i]);
                    expWTxNew[i] = expWTx[i] * expXTd;
                    cond += c[i] * Math.Log((1 + expWTxNew[i]) / (expXTd + expWTxNew[i]));
                }
                if (cond <= 0)
                {
                    wNorm = wNormNew;
                    Array.Copy(wpd, w, wSize);
                    Array.Copy(expWTxNew, expWTx, l);
                    UpdateTauAndD(expWTx, c, tau, d);
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
                    for (var p = colPtr[j]; p < colPtr[j + 1]; p++) expWTx[rowIdx[p]] += w[j] * vals[p];
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

    private static (double H, double G) HessianAndGradient(int* rows, float* vals, int start, int end, double* d, double* tau)
    {
        double h = Nu, g = 0;
        for (var p = start; p < end; p++)
        {
            var i = rows[p];
            double v = vals[p];
            h += v * v * d[i];
            g += v * tau[i];
        }
        return (h, g);
    }

    private static double QuadraticGradient(int* rows, float* vals, int start, int end, double* d, double* xTd)
    {
        double g = 0;
        for (var p = start; p < end; p++)
        {
            var i = rows[p];
            g += vals[p] * d[i] * xTd[i];
        }
        return g;
    }

    private static void UpdateTauAndD(double[] expWTx, double[] c, double[] tau, double[] d)
    {
        for (var i = 0; i < expWTx.Length; i++)
        {
            var t = 1 / (1 + expWTx[i]);
            tau[i] = c[i] * t;
            // liblinear writes C·e·t², which is NaN once e overflows; t·(1−t) is the same number without that trap.
            d[i] = c[i] * t * (1 - t);
        }
    }
}
