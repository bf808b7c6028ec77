namespace ScRepro.Evaluation.Perturbation.Statistics;

/// <summary>Pearson and Spearman correlations with the NaN rules of scipy and polars.</summary>
public static class Correlation
{
    /// <summary>
    /// scipy.stats.pearsonr(x, y)[0]: NaN when either input is constant (scipy's exact-equality check),
    /// otherwise Σ(x̂·ŷ) of the centred, unit-normalised vectors, clipped to [−1, 1].
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("pearson: lengths differ");
        var n = x.Length;
        if (n < 2) return double.NaN;
        if (IsConstant(x) || IsConstant(y)) return double.NaN;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
        }
        if (!(sxx > 0) || !(syy > 0)) return double.NaN;
        var r = sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy));
        return Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>
    /// polars pl.corr(a, b, method="spearman"): average ranks, then Pearson on the ranks; NaN when fewer than two
    /// values or when Σdx²·Σdy² ≤ 0 (polars' finalize). NaN inputs rank as the largest values.
    /// </summary>
    public static double Spearman(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("spearman: lengths differ");
        if (a.Length < 2) return double.NaN;
        var ra = Ranking.AverageRanks(a);
        var rb = Ranking.AverageRanks(b);
        var n = ra.Length;
        double ma = 0, mb = 0;
        for (var i = 0; i < n; i++) { ma += ra[i]; mb += rb[i]; }
        ma /= n; mb /= n;
        double saa = 0, sbb = 0, sab = 0;
        for (var i = 0; i < n; i++)
        {
            var da = ra[i] - ma;
            var db = rb[i] - mb;
            saa += da * da; sbb += db * db; sab += da * db;
        }
        if (!(saa * sbb > 0)) return double.NaN;
        return sab / Math.Sqrt(saa * sbb);
    }

    private static bool IsConstant(ReadOnlySpan<double> v)
    {
        for (var i = 1; i < v.Length; i++)
            if (!v[i].Equals(v[0])) return false;
        return true;
    }
}
