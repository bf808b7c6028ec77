using ScRepro.Evaluation.Annotation;

namespace ScRepro.Cards;

/// <summary>
/// The spread the comparison page shows, as the papers report it: mean ± 95% CI over seeds (Student t with n−1 degrees
/// of freedom, as Boiarsky et al. report n=10 runs), or, with one seed, the median and interquartile range over test
/// perturbations; and which model is best only where the intervals do not overlap.
/// </summary>
public static class ComparisonStatistics
{
    /// <summary>Mean and the 95% Student-t interval of <paramref name="values"/> (two or more, NaN skipped); null when fewer.</summary>
    public static (double Mean, double Low, double High, int N)? MeanCi(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToList();
        if (v.Count < 2) return null;
        var mean = v.Average();
        var sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        var half = StudentT.Quantile(0.975, v.Count - 1) * sd / Math.Sqrt(v.Count);
        return (mean, mean - half, mean + half, v.Count);
    }

    /// <summary>Quartiles with numpy's default (linear) interpolation, NaN skipped; null when nothing is left.</summary>
    public static (double Q1, double Median, double Q3, int N)? Quartiles(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToList();
        if (v.Count == 0) return null;
        double At(double q)
        {
            var pos = q * (v.Count - 1);
            var lo = (int)Math.Floor(pos);
            var hi = Math.Min(lo + 1, v.Count - 1);
            return v[lo] + (pos - lo) * (v[hi] - v[lo]);
        }
        return (At(0.25), At(0.5), At(0.75), v.Count);
    }

    /// <summary>
    /// The best cell by <paramref name="lowerIsBetter"/> among those with a value, and whether its interval is apart
    /// from every other's; the models whose intervals overlap the best one's tie with it. Null direction: no best.
    /// </summary>
    public static (int? Best, bool Apart, IReadOnlyList<int> Tied) Best(IReadOnlyList<(double? Value, double? Low, double? High)> cells, bool? lowerIsBetter)
    {
        var present = Enumerable.Range(0, cells.Count).Where(i => cells[i].Value is { } x && !double.IsNaN(x)).ToList();
        if (lowerIsBetter is null || present.Count == 0) return (null, false, []);
        var best = lowerIsBetter.Value ? present.MinBy(i => cells[i].Value!.Value) : present.MaxBy(i => cells[i].Value!.Value);
        var (bLow, bHigh) = Interval(cells[best]);
        var tied = present.Where(i => i != best && Interval(cells[i]) is var (lo, hi) && lo <= bHigh && bLow <= hi).ToList();
        return (best, tied.Count == 0, tied);
    }

    /// <summary>A cell without an interval is the point itself (a tie then needs an equal value).</summary>
    private static (double Low, double High) Interval((double? Value, double? Low, double? High) c) =>
        (c.Low ?? c.Value!.Value, c.High ?? c.Value!.Value);
}
