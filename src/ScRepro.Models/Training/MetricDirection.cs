using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Training;

/// <summary>Whether a validation metric improves upwards (correlations, accuracy) or downwards (errors, losses).</summary>
public static class MetricDirection
{
    private static readonly string[] Higher = ["pearson", "pearson_delta", "pearson_de", "pearson_de_delta", "accuracy", "macro_f1", "f1"];
    private static readonly string[] Lower = ["mse", "mae", "mse_delta", "mae_delta", "val_loss", "loss", "cross_entropy"];

    public static bool HigherIsBetter(string metric, string source) =>
        Higher.Contains(metric) ? true
        : Lower.Contains(metric) ? false
        : throw new ScReproException($"{source}: budget.early_stopping_metric '{metric}' is not one of {string.Join(", ", Higher.Concat(Lower))}");

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="best"/>.</summary>
    public static bool IsBetter(double candidate, double? best, bool higherIsBetter) =>
        !double.IsNaN(candidate) && (best is null || (higherIsBetter ? candidate > best : candidate < best));
}
