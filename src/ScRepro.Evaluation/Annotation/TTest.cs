namespace ScRepro.Evaluation.Annotation;

/// <summary>A two-sample t-test result (scipy's statistic, df and two-sided p-value).</summary>
public sealed record TTestResult(double Statistic, double DegreesOfFreedom, double PValue);

/// <summary>
/// Two-sample t-tests. Boiarsky et al. report scipy.stats.ttest_ind with its defaults (two-sided, equal variances,
/// sample variances with ddof=1) between per-seed scores of two models (annotation-models.md §1.6).
/// </summary>
public static class TTest
{
    /// <summary>scipy.stats.ttest_ind(a, b, equal_var=<paramref name="equalVariance"/>), two-sided.</summary>
    public static TTestResult Independent(IReadOnlyList<double> a, IReadOnlyList<double> b, bool equalVariance = true)
    {
        if (a.Count < 2 || b.Count < 2)
            throw new ArgumentException($"t-test needs at least 2 values per group (got {a.Count} and {b.Count})");
        double na = a.Count, nb = b.Count;
        var ma = a.Average();
        var mb = b.Average();
        var va = a.Sum(v => (v - ma) * (v - ma)) / (na - 1);
        var vb = b.Sum(v => (v - mb) * (v - mb)) / (nb - 1);
        double df, denom;
        if (equalVariance)
        {
            df = na + nb - 2;
            var pooled = ((na - 1) * va + (nb - 1) * vb) / df;
            denom = Math.Sqrt(pooled * (1 / na + 1 / nb));
        }
        else
        {
            var sa = va / na;
            var sb = vb / nb;
            df = (sa + sb) * (sa + sb) / (sa * sa / (na - 1) + sb * sb / (nb - 1));
            denom = Math.Sqrt(sa + sb);
        }
        // IEEE division as numpy: equal means and zero spread give NaN, different means and zero spread ±inf (p = 0).
        var t = (ma - mb) / denom;
        return new TTestResult(t, df, StudentT.TwoSidedP(t, df));
    }
}
