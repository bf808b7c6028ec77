using ScRepro.Evaluation.Perturbation.Catalogue;

namespace ScRepro.Cards;

/// <summary>Which way is better for a metric, from cell-eval's best values; annotation scores are higher-is-better.</summary>
public static class MetricDirection
{
    /// <summary>True when lower is better, false when higher is, null when neither (e.g. DE counts).</summary>
    public static bool? LowerIsBetter(string metric) =>
        !MetricCatalogue.Contains(metric) ? false
        : MetricCatalogue.Get(metric).Best switch
        {
            BestValue.Zero => true,
            BestValue.One => false,
            _ => null,
        };
}
