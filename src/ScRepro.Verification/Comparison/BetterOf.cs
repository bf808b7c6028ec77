using ScRepro.Contracts;

namespace ScRepro.Verification.Comparison;

/// <summary>The comparison's side of the project's one metric direction (Evaluation.MetricDirections decides it).</summary>
public static class BetterOf
{
    /// <summary>Higher, Lower, or Neither for a metric with no direction or none known.</summary>
    public static Better Direction(MetricDirection? direction) => direction switch
    {
        MetricDirection.HigherIsBetter => Better.Higher,
        MetricDirection.LowerIsBetter => Better.Lower,
        _ => Better.Neither,
    };
}
