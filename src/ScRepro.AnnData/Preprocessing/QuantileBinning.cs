using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Preprocessing;

/// <summary>
/// scGPT's per-cell value binning (scgpt.preprocess.Preprocessor step 6 with binning=n_bins and its _digitize;
/// research/scgpt.md §3.2): per cell, edges = np.quantile(non-zero values, np.linspace(0, 1, n_bins − 1)), each
/// non-zero value gets a bin in 1..n_bins−1, ties spread uniformly at random over the bins their edges span; zeros
/// stay 0. Writes what scGPT puts in layers["X_binned"] (int64) and obsm["bin_edges"].
/// </summary>
public static class QuantileBinning
{
    /// <summary>Binned values (int64 on write) and per-cell edges [0, edges…] (n_cells × n_bins).</summary>
    public sealed record Result(DenseMatrix Binned, DenseMatrix BinEdges);

    /// <summary>
    /// Bins every cell. <paramref name="uniform"/> draws the tie-breaking uniforms in [0, 1), in the order scGPT
    /// draws them (one per non-zero value, cell by cell); pass numpy RandomState.rand to match scGPT bit for bit.
    /// </summary>
    public static Result Apply(Matrix x, int nBins, Func<double> uniform)
    {
        if (nBins < 3) throw new ArgumentOutOfRangeException(nameof(nBins), "n_bins must be at least 3");
        var csr = x as CsrMatrix ?? (x as CscMatrix)?.ToCsr();
        var binned = new DenseMatrix(x.Rows, x.Cols) { SourceDtype = "int64" };
        var edgesOut = new double[(long)x.Rows * nBins];
        var quantiles = Enumerable.Range(0, nBins - 1).Select(i => i == nBins - 2 ? 1.0 : i * (1.0 / (nBins - 2))).ToArray();
        for (var r = 0; r < x.Rows; r++)
        {
            var row = csr is not null ? csr.ToDense([r]).Data : ((DenseMatrix)x).Row(r).ToArray();
            var max = float.NegativeInfinity;
            foreach (var v in row)
            {
                if (v < 0) throw new ArgumentException($"cell {r} has a negative value; binning needs non-negative data");
                max = Math.Max(max, v);
            }
            if (row.Length == 0 || max == 0) continue; // scGPT: all-zero cell → zeros and edges [0]*n_bins
            var nz = new List<int>();
            for (var c = 0; c < row.Length; c++) if (row[c] != 0) nz.Add(c);
            var values = nz.Select(c => (double)row[c]).ToArray();
            var sorted = values.Order().ToArray();
            var edges = quantiles.Select(q => Quantile(sorted, q)).ToArray();
            var dst = binned.Row(r);
            for (var i = 0; i < values.Length; i++)
            {
                var left = Digitize(values[i], edges, right: false);
                var rightD = Digitize(values[i], edges, right: true);
                dst[nz[i]] = (float)Math.Ceiling(uniform() * (rightD - left) + left);
            }
            edgesOut[(long)r * nBins] = 0;
            for (var e = 0; e < edges.Length; e++) edgesOut[(long)r * nBins + 1 + e] = edges[e];
        }
        var edgeMatrix = new DenseMatrix(x.Rows, nBins, edgesOut.Select(v => (float)v).ToArray()) { SourceDtype = "float64", Float64Data = edgesOut };
        return new Result(binned, edgeMatrix);
    }

    /// <summary>np.quantile(sorted, q) with the default 'linear' method and numpy's _lerp.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var t = pos - lo;
        var a = sorted[lo];
        var b = sorted[hi];
        var diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /// <summary>np.digitize for increasing edges: right=False counts edges ≤ v, right=True counts edges &lt; v.</summary>
    public static int Digitize(double v, double[] edges, bool right)
    {
        var n = 0;
        foreach (var e in edges)
        {
            if (right ? e < v : e <= v) n++;
            else break;
        }
        return n;
    }
}
