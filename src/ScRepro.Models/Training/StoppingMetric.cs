using ScRepro.Contracts;
using ScRepro.Evaluation;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Training;

/// <summary>
/// The validation metrics a training loop may select the best epoch by or stop early on; their directions come from
/// the project's one table (<see cref="MetricDirections"/>).
/// </summary>
public static class StoppingMetric
{
    private static readonly string[] Names =
        ["pearson", "pearson_delta", "pearson_de", "pearson_de_delta", "accuracy", "macro_f1", "f1",
         "mse", "mae", "mse_delta", "mae_delta", "val_loss", "loss", "cross_entropy"];

    /// <summary>Whether <paramref name="metric"/> improves upwards; an unknown name is an error naming <paramref name="source"/>.</summary>
    public static bool HigherIsBetter(string metric, string source) =>
        Names.Contains(metric) && MetricDirections.Of(metric) is { } d and not MetricDirection.None
            ? d == MetricDirection.HigherIsBetter
            : throw new ScReproException($"{source}: budget.early_stopping_metric '{metric}' is not one of {string.Join(", ", Names)}");

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="best"/>.</summary>
    public static bool IsBetter(double candidate, double? best, bool higherIsBetter) =>
        MetricDirections.IsBetter(candidate, best, higherIsBetter ? MetricDirection.HigherIsBetter : MetricDirection.LowerIsBetter);
}
