namespace ScRepro.Contracts;

/// <summary>
/// Details of gradient training (the budget table: epochs, steps, hardware, best validation value and epoch), with
/// the architecture facts of the model family in <see cref="Model"/>.
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
    ModelDetails Model) : TrainDetails;
