namespace ScRepro.Evaluation.Perturbation.Results;

/// <summary>
/// One column of agg_results.csv: polars DataFrame.describe() of the metric over perturbations. Null entries are skipped
/// everywhere; a NaN counts as a value, poisons mean and std, is ignored by min/max, and sorts last for the quantiles.
/// </summary>
public sealed record MetricSummary(
    string Metric, long Count, long NullCount, double? Mean, double? Std, double? Min,
    double? Q25, double? Median, double? Q75, double? Max)
{
    /// <summary>The describe row names, in cell-eval's order.</summary>
    public static readonly string[] Statistics = ["count", "null_count", "mean", "std", "min", "25%", "50%", "75%", "max"];

    /// <summary>The value of a describe row by its name ("count", "50%", …).</summary>
    public double? Get(string statistic) => statistic switch
    {
        "count" => Count,
        "null_count" => NullCount,
        "mean" => Mean,
        "std" => Std,
        "min" => Min,
        "25%" => Q25,
        "50%" => Median,
        "75%" => Q75,
        "max" => Max,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "unknown describe statistic"),
    };

    public static MetricSummary Describe(string metric, IReadOnlyList<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        var n = present.Length;
        double? mean = null, std = null, min = null, max = null, q25 = null, q50 = null, q75 = null;
        if (n > 0)
        {
            double sum = 0;
            foreach (var v in present) sum += v;
            mean = sum / n;
            if (n > 1)
            {
                double ss = 0;
                foreach (var v in present) ss += (v - mean.Value) * (v - mean.Value);
                std = Math.Sqrt(ss / (n - 1));
            }
            var finite = present.Where(v => !double.IsNaN(v)).ToArray();
            // polars' min/max skip NaN; a column of NaN only has NaN as its min and max.
            min = finite.Length > 0 ? finite.Min() : double.NaN;
            max = finite.Length > 0 ? finite.Max() : double.NaN;
            var sorted = present.OrderBy(v => v, Comparer<double>.Create(ScRepro.Evaluation.Perturbation.Statistics.Ranking.CompareNanLast)).ToArray();
            q25 = Quantile(sorted, 0.25);
            q50 = Quantile(sorted, 0.50);
            q75 = Quantile(sorted, 0.75);
        }
        return new MetricSummary(metric, n, values.Count - n, mean, std, min, q25, q50, q75, max);
    }

    // polars "nearest": index = round((n − 1)·q) with Rust's f64::round (half away from zero); no interpolation.
    private static double Quantile(double[] sorted, double q) =>
        sorted[(int)Math.Round((sorted.Length - 1) * q, MidpointRounding.AwayFromZero)];
}
