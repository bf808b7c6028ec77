namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>The acceptance rule: within 1e-5 relative, with the same NaN and null pattern.</summary>
internal static class Tolerance
{
    public const double Relative = 1e-5;

    public static void AssertClose(double? expected, double? actual, string what)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected null, got {actual}");
            return;
        }
        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        var e = expected.Value;
        var a = actual!.Value;
        if (double.IsNaN(e))
        {
            Assert.True(double.IsNaN(a), $"{what}: expected NaN, got {a}");
            return;
        }
        if (double.IsInfinity(e))
        {
            Assert.Equal(e, a);
            return;
        }
        // 1e-12 absolute floor: a relative test means nothing for values that are zero up to rounding.
        var ok = Math.Abs(a - e) <= Relative * Math.Max(Math.Abs(a), Math.Abs(e)) + 1e-12;
        Assert.True(ok, $"{what}: expected {e:R}, got {a:R}");
    }
}
