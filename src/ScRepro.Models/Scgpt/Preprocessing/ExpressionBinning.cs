using ScRepro.Splits.Random;

namespace ScRepro.Models.Scgpt.Preprocessing;

/// <summary>
/// scGPT's per-cell binning (Preprocessor step 6 with _digitize(side="both"), spec §3.2): the non-zero values of a
/// cell are cut at n_bins−1 quantiles of themselves, each value gets a bin in 1..n_bins−1, ties spanning several equal
/// edges are spread uniformly at random, and zeros stay 0. The quantiles follow numpy 1.24's default 'linear' method
/// on float32 data, with its float32 difference and float64 interpolation, so the edges are the same bits numpy gives.
/// </summary>
public static class ExpressionBinning
{
    /// <summary>Bins one cell; the random draws come from <paramref name="rng"/> (one rand per non-zero value).</summary>
    public static long[] BinRow(ReadOnlySpan<float> row, int nBins, NumpyRandomState rng, out double[] edges)
    {
        if (nBins < 3) throw new ArgumentOutOfRangeException(nameof(nBins), "n_bins must be at least 3");
        var binned = new long[row.Length];
        var max = float.NegativeInfinity;
        foreach (var v in row)
        {
            if (v < 0 || float.IsNaN(v)) throw new ArgumentException("binning assumes non-negative data (scGPT refuses negative values)");
            if (v > max) max = v;
        }
        if (row.Length == 0 || max == 0)
        {
            // scGPT warns and keeps an all-zero row with all-zero edges; no random draws are made.
            edges = new double[nBins];
            return binned;
        }
        var nzIdx = new List<int>();
        for (var i = 0; i < row.Length; i++) if (row[i] != 0) nzIdx.Add(i);
        var x = new float[nzIdx.Count];
        for (var i = 0; i < x.Length; i++) x[i] = row[nzIdx[i]];
        var cuts = Quantiles(x, Linspace01(nBins - 1));
        for (var i = 0; i < x.Length; i++)
        {
            var left = SearchSorted(cuts, x[i], rightSide: true);   // np.digitize(x, bins), right=False
            var right = SearchSorted(cuts, x[i], rightSide: false); // np.digitize(x, bins, right=True)
            var u = rng.RandomSample();
            binned[nzIdx[i]] = (long)Math.Ceiling(u * (right - left) + left);
        }
        edges = new double[nBins];
        Array.Copy(cuts, 0, edges, 1, cuts.Length);
        return binned;
    }

    /// <summary>np.linspace(0, 1, num): i * (1/(num−1)), with the last point exactly 1.</summary>
    internal static double[] Linspace01(int num)
    {
        var q = new double[num];
        var step = 1.0 / (num - 1);
        for (var i = 0; i < num; i++) q[i] = i * step + 0.0;
        q[num - 1] = 1.0;
        return q;
    }

    /// <summary>np.quantile(x, q) with method 'linear' for float32 x (numpy 1.24 _quantile/_lerp).</summary>
    internal static double[] Quantiles(float[] x, double[] q)
    {
        var a = (float[])x.Clone();
        Array.Sort(a);
        var n = a.Length;
        var result = new double[q.Length];
        for (var k = 0; k < q.Length; k++)
        {
            var virtualIndex = (n - 1) * q[k];
            long prev, next;
            if (virtualIndex >= n - 1) { prev = n - 1; next = n - 1; }
            else if (virtualIndex < 0) { prev = 0; next = 0; }
            else { prev = (long)Math.Floor(virtualIndex); next = prev + 1; }
            // numpy computes gamma against the floor before clamping indices above bounds to −1,
            // but then both neighbours are the last value and the difference is 0, so gamma does not matter.
            var gamma = virtualIndex - Math.Floor(virtualIndex);
            var lo = a[prev];
            var hi = a[next];
            var diff = (float)(hi - lo); // subtract(b, a) in float32
            result[k] = gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
        }
        return result;
    }

    /// <summary>np.searchsorted on increasing edges: side='right' counts edges ≤ v, side='left' edges &lt; v.</summary>
    private static int SearchSorted(double[] edges, double v, bool rightSide)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (rightSide ? edges[mid] <= v : edges[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
