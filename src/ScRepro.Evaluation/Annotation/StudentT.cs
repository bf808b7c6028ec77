namespace ScRepro.Evaluation.Annotation;

/// <summary>Student's t distribution: CDF through the incomplete beta function, quantile by safeguarded bisection.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) with <paramref name="df"/> degrees of freedom.</summary>
    public static double Cdf(double t, double df)
    {
        if (double.IsNaN(t) || !(df > 0)) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        var tail = 0.5 * SpecialFunctions.RegularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>Two-sided p-value 2·P(T ≥ |t|), computed on the tail directly so tiny p-values keep their digits.</summary>
    public static double TwoSidedP(double t, double df)
    {
        if (double.IsNaN(t) || !(df > 0)) return double.NaN;
        if (double.IsInfinity(t)) return 0;
        return SpecialFunctions.RegularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /// <summary>The <paramref name="p"/> quantile (e.g. 0.975 with df 9 gives 2.2621571627…).</summary>
    public static double Quantile(double p, double df)
    {
        if (!(p > 0 && p < 1) || !(df > 0)) return double.NaN;
        if (p == 0.5) return 0;
        if (p < 0.5) return -Quantile(1 - p, df);
        double lo = 0, hi = 1;
        while (Cdf(hi, df) < p) { lo = hi; hi *= 2; if (hi > 1e300) return double.PositiveInfinity; }
        // Upper tail probability is monotone in t; 200 halvings reach double resolution on any bracket.
        var target = 1 - p;
        for (var i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1, hi); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (0.5 * TwoSidedP(mid, df) > target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
