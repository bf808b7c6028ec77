namespace ScRepro.Evaluation.Perturbation.Statistics;

/// <summary>expm1 with full relative precision near 0 (.NET's double.ExpM1 is Exp(x) − 1, which loses it).</summary>
public static class ExpM1
{
    public static double Of(double x)
    {
        if (Math.Abs(x) >= 1e-5) return Math.Exp(x) - 1.0;
        // Taylor series; the next term is below 1e-20 relative here.
        return x + x * x / 2.0 + x * x * x / 6.0;
    }
}
