namespace ScRepro.Evaluation.Perturbation.Statistics;

/// <summary>
/// The complementary error function to full double precision, for p = 2·Φ(−z) = erfc(z/√2).
/// .NET has no erfc, and DE p-values span hundreds of orders of magnitude, so 1 − erf would lose them.
/// </summary>
public static class NormalTail
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>Two-sided normal tail probability 2·Φ(−z), as scipy's 2·norm.sf(z).</summary>
    public static double TwoSidedP(double z) => Erfc(z / Math.Sqrt(2.0));

    /// <summary>erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2.0 - Erfc(-x);
        if (x < 2.5) return 1.0 - ErfSeries(x);
        if (x > 27.3) return 0.0; // exp(−x²) underflows below the smallest subnormal
        return ErfcContinuedFraction(x);
    }

    // erf(x) = 2/√π · e^{−x²} · Σ 2^n x^{2n+1} / (1·3·…·(2n+1)); all terms positive, so no cancellation.
    private static double ErfSeries(double x)
    {
        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    // Laplace's continued fraction erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
    // evaluated with the modified Lentz method; it converges quickly for x ≥ 2.5.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 500; n++)
        {
            var a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16) break;
        }
        return OneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}
