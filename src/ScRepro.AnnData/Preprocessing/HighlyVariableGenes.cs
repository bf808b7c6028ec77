using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Preprocessing;

/// <summary>scanpy.pp.highly_variable_genes (scanpy 1.9, batch_key=None) for flavor="seurat" and flavor="seurat_v3".</summary>
public static class HighlyVariableGenes
{
    /// <summary>
    /// flavor="seurat" (scanpy's default), on log1p'd data: expm1 (after undoing a log base), per-gene mean and
    /// variance, dispersion = var/mean, log of both (log1p for the mean), z-scored within 20 equal-width mean bins
    /// (pd.cut). With <paramref name="nTopGenes"/>, the genes whose normalised dispersion reaches the n-th largest;
    /// otherwise the cut-offs min_mean=0.0125, max_mean=3, min_disp=0.5, max_disp=inf.
    /// </summary>
    public static HvgResult Seurat(Matrix logData, int? nTopGenes = null, double? logBase = null, int nBins = 20,
        double minMean = 0.0125, double maxMean = 3, double minDisp = 0.5, double maxDisp = double.PositiveInfinity)
    {
        var ln = logBase is { } b ? Math.Log(b) : 1.0;
        var (mean, variance) = GeneStats.MeanVar(logData, v => Math.Exp(v * ln) - 1);
        var g = mean.Length;
        var disp = new double[g];
        for (var i = 0; i < g; i++)
        {
            if (mean[i] == 0) mean[i] = 1e-12;
            var d = variance[i] / mean[i];
            disp[i] = d == 0 ? double.NaN : Math.Log(d);
            mean[i] = Math.Log(1 + mean[i]);
        }
        var bin = PandasCut(mean, nBins);
        var binMean = new double[nBins];
        var binStd = new double[nBins];
        for (var k = 0; k < nBins; k++)
        {
            var members = Enumerable.Range(0, g).Where(i => bin[i] == k && !double.IsNaN(disp[i])).Select(i => disp[i]).ToArray();
            binMean[k] = members.Length == 0 ? double.NaN : members.Average();
            binStd[k] = members.Length < 2 ? double.NaN : Math.Sqrt(members.Sum(v => (v - binMean[k]) * (v - binMean[k])) / (members.Length - 1));
            // scanpy: a bin with a single gene gets std = its mean and mean = 0, i.e. a normalised dispersion of 1.
            if (double.IsNaN(binStd[k]))
            {
                binStd[k] = binMean[k];
                binMean[k] = 0;
            }
        }
        var norm = new double[g];
        for (var i = 0; i < g; i++) norm[i] = (disp[i] - binMean[bin[i]]) / binStd[bin[i]];
        bool[] selected;
        if (nTopGenes is { } n)
        {
            var valid = norm.Where(v => !double.IsNaN(v)).OrderDescending().ToArray();
            var cutoff = valid[Math.Min(n, valid.Length) - 1];
            selected = norm.Select(v => (double.IsNaN(v) ? 0 : v) >= cutoff).ToArray();
        }
        else
        {
            selected = Enumerable.Range(0, g).Select(i =>
            {
                var d = double.IsNaN(norm[i]) ? 0 : norm[i];
                return mean[i] > minMean && mean[i] < maxMean && d > minDisp && d < maxDisp;
            }).ToArray();
        }
        return new HvgResult(selected, mean, Dispersions: disp, DispersionsNorm: norm);
    }

    // pd.cut(values, bins=n): n equal-width intervals (a, b] over [min, max], the lowest edge lowered by 0.1% of the
    // range so the minimum falls inside.
    private static int[] PandasCut(double[] values, int n)
    {
        var mn = values.Min();
        var mx = values.Max();
        var edges = new double[n + 1];
        if (mn == mx)
        {
            // pandas widens a zero range by 0.1% on each side.
            var adj = mn != 0 ? Math.Abs(mn) * 0.001 : 0.001;
            mn -= adj;
            mx += adj;
            for (var i = 0; i <= n; i++) edges[i] = mn + (mx - mn) * i / n;
        }
        else
        {
            for (var i = 0; i <= n; i++) edges[i] = Linspace(mn, mx, n + 1, i);
            edges[0] -= (mx - mn) * 0.001;
        }
        return values.Select(v =>
        {
            var k = Array.BinarySearch(edges, v);
            // (a, b]: a value equal to an edge belongs to the bin that edge closes.
            var idx = k >= 0 ? k - 1 : ~k - 1;
            return Math.Clamp(idx, 0, n - 1);
        }).ToArray();
    }

    // np.linspace(start, stop, num)[i]: start + i·step, the last point exactly stop.
    private static double Linspace(double start, double stop, int num, int i) =>
        i == num - 1 ? stop : start + i * ((stop - start) / (num - 1));

    /// <summary>
    /// flavor="seurat_v3" on raw counts (span=0.3): loess of log10(variance) on log10(mean) over genes with non-zero
    /// variance, a regularised standard deviation sqrt(10^fit), counts clipped at mean + std·sqrt(n_cells), the
    /// variance of the standardised clipped counts; the <paramref name="nTopGenes"/> largest are highly variable.
    /// See <see cref="Loess"/> for how the loess departs from skmisc's interpolated surface.
    /// </summary>
    public static HvgResult SeuratV3(Matrix counts, int nTopGenes = 2000, double span = 0.3)
    {
        var (mean, variance) = GeneStats.MeanVar(counts);
        var g = mean.Length;
        var n = counts.Rows;
        var varying = Enumerable.Range(0, g).Where(i => variance[i] > 0).ToArray();
        var fit = Loess.Fit(varying.Select(i => Math.Log10(mean[i])).ToArray(),
            varying.Select(i => Math.Log10(variance[i])).ToArray(), span, degree: 2);
        var estimated = new double[g];
        for (var j = 0; j < varying.Length; j++) estimated[varying[j]] = fit[j];
        var regStd = estimated.Select(e => Math.Sqrt(Math.Pow(10, e))).ToArray();
        var clip = Enumerable.Range(0, g).Select(i => regStd[i] * Math.Sqrt(n) + mean[i]).ToArray();
        var sum = new double[g];
        var sumSq = new double[g];
        void Add(int c, double v)
        {
            v = Math.Min(v, clip[c]);
            sum[c] += v;
            sumSq[c] += v * v;
        }
        if ((counts as CsrMatrix ?? (counts as CscMatrix)?.ToCsr()) is { } csr)
        {
            for (var k = 0; k < csr.Nnz; k++) Add(csr.Indices[k], csr.Data[k]);
        }
        else
        {
            var d = (DenseMatrix)counts;
            for (var r = 0; r < n; r++)
            {
                var row = d.Row(r);
                for (var c = 0; c < g; c++) if (row[c] != 0) Add(c, row[c]);
            }
        }
        var normVar = new double[g];
        for (var i = 0; i < g; i++)
            normVar[i] = 1 / ((n - 1) * regStd[i] * regStd[i]) * (n * mean[i] * mean[i] + sumSq[i] - 2 * sum[i] * mean[i]);
        // np.argsort(np.argsort(-v)): rank 0 is the most variable; ties keep gene order (stable sort).
        var order = Enumerable.Range(0, g).OrderByDescending(i => normVar[i]).ToArray();
        var rank = new double[g];
        var hv = new bool[g];
        for (var r = 0; r < g; r++)
        {
            rank[order[r]] = r < nTopGenes ? r : double.NaN;
            hv[order[r]] = r < nTopGenes;
        }
        return new HvgResult(hv, mean, Variances: variance, VariancesNorm: normVar, Rank: rank);
    }
}
