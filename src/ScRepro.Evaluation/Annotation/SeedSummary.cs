namespace ScRepro.Evaluation.Annotation;

/// <summary>A metric over seeds: mean, population SD, and the 95% CI half-width the authors print as "mean ± ci".</summary>
public sealed record SeedSummary(int N, double Mean, double Std, double Ci95)
{
    /// <summary>
    /// Boiarsky et al.'s formula: np.std (ddof=0) / √n × t(0.975, n−1). The authors hard-code 2.262 (df = 9) even
    /// when n ≠ 10; we use the quantile for the actual n, which equals theirs for their n = 10 tables.
    /// A single value has no spread: Std 0 and Ci95 NaN.
    /// </summary>
    public static SeedSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values to summarise");
        var n = values.Count;
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / n);
        var ci = n < 2 ? double.NaN : std / Math.Sqrt(n) * StudentT.Quantile(0.975, n - 1);
        return new SeedSummary(n, mean, std, ci);
    }
}
