namespace ScRepro.Contracts;

/// <summary>
/// Details of gradient training (the budget table: epochs, steps, hardware, best validation value and epoch), with
/// the architecture facts of the model family in <see cref="Model"/>; <see cref="BudgetLimit"/> names the limit a
/// "budget" stop hit (max_steps | max_wall_clock_s), null otherwise.
/// </summary>
public sealed record FineTuneDetails(
    int EpochsTrained,
    int? MaxEpochs,
    long GradientSteps,
    string Hardware,
    string SelectionMetric,
    string? EarlyStoppingMetric,
    int? Patience,
    double? BestValValue,
    int? BestValEpoch,
    IReadOnlyList<double> ValHistory,
    IReadOnlyList<double> TrainLossHistory,
    ModelDetails Model,
    string? BudgetLimit = null) : TrainDetails
{
    /// <summary>Seconds each epoch of the last session took (training and validation).</summary>
    public IReadOnlyList<double> EpochSeconds { get; init; } = [];

    /// <summary>Peak memory as measured on the device (process RSS on a CPU), with what was measured.</summary>
    public string? PeakMemory { get; init; }
}
