using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Training;

/// <summary>
/// A model manifest's `budget` block: every limit optional (null = none). Training stops at the first limit reached,
/// and the limit that fired becomes TrainStats.reason.
/// </summary>
public sealed record TrainingBudget(
    int? Epochs = null,
    long? MaxSteps = null,
    double? MaxWallClockS = null,
    string? EarlyStoppingMetric = null,
    int? Patience = null)
{
    /// <summary>Throws ScReproException naming <paramref name="source"/> and the field when a value cannot be used.</summary>
    public TrainingBudget Validated(string source)
    {
        if (Epochs is <= 0) throw new ScReproException($"{source}: budget.epochs must be positive, got {Epochs}");
        if (MaxSteps is <= 0) throw new ScReproException($"{source}: budget.max_steps must be positive, got {MaxSteps}");
        if (MaxWallClockS is <= 0) throw new ScReproException($"{source}: budget.max_wall_clock_s must be positive, got {MaxWallClockS}");
        if (Patience is <= 0) throw new ScReproException($"{source}: budget.patience must be positive, got {Patience}");
        if (Patience is not null && EarlyStoppingMetric is null)
            throw new ScReproException($"{source}: budget.patience is set but budget.early_stopping_metric is null");
        if (EarlyStoppingMetric is not null) _ = StoppingMetric.HigherIsBetter(EarlyStoppingMetric, source);
        if (Epochs is null && MaxSteps is null && MaxWallClockS is null && Patience is null)
            throw new ScReproException($"{source}: budget has no limit at all (set epochs, max_steps, max_wall_clock_s or patience)");
        return this;
    }
}
