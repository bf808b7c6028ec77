using ScRepro.Contracts;
using ScRepro.Evaluation.Perturbation.Catalogue;

namespace ScRepro.Evaluation;

/// <summary>
/// The one answer to "which way is better" for every metric ScRepro computes: cell-eval's best value for its catalogue,
/// higher for correlations and sklearn's classification scores, lower for losses. Evaluators stamp it on each
/// <see cref="MetricStats"/>, training loops read it for early stopping, and the card reads it from the summary.
/// </summary>
public static class MetricDirections
{
    // Metrics outside cell-eval's catalogue: scGPT/GEARS validation correlations, the scGPT paper's averaging,
    // sklearn's scores, and training losses.
    private static readonly Dictionary<string, MetricDirection> Others = new(StringComparer.Ordinal)
    {
        ["pearson"] = MetricDirection.HigherIsBetter,
        ["pearson_de"] = MetricDirection.HigherIsBetter,
        ["pearson_de_delta"] = MetricDirection.HigherIsBetter,
        ["scgpt_pearson"] = MetricDirection.HigherIsBetter,
        ["scgpt_pearson_delta"] = MetricDirection.HigherIsBetter,
        ["scgpt_pearson_de_delta"] = MetricDirection.HigherIsBetter,
        ["accuracy"] = MetricDirection.HigherIsBetter,
        ["f1"] = MetricDirection.HigherIsBetter,
        ["macro_f1"] = MetricDirection.HigherIsBetter,
        ["macro_precision"] = MetricDirection.HigherIsBetter,
        ["macro_recall"] = MetricDirection.HigherIsBetter,
        ["weighted_f1"] = MetricDirection.HigherIsBetter,
        ["val_loss"] = MetricDirection.LowerIsBetter,
        ["loss"] = MetricDirection.LowerIsBetter,
        ["cross_entropy"] = MetricDirection.LowerIsBetter,
    };

    /// <summary>The direction of <paramref name="metric"/>; null when ScRepro does not know the metric.</summary>
    public static MetricDirection? Of(string metric) =>
        MetricCatalogue.Contains(metric)
            ? MetricCatalogue.Get(metric).Best switch
            {
                BestValue.Zero => MetricDirection.LowerIsBetter,
                BestValue.One => MetricDirection.HigherIsBetter,
                _ => MetricDirection.None,
            }
            : Others.TryGetValue(metric, out var d) ? d : null;

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="best"/> (NaN never is).</summary>
    public static bool IsBetter(double candidate, double? best, MetricDirection direction) =>
        !double.IsNaN(candidate) && direction != MetricDirection.None
        && (best is null || (direction == MetricDirection.HigherIsBetter ? candidate > best : candidate < best));
}
