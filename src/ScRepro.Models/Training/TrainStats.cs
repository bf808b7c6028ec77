using ScRepro.Foundation.IO;

namespace ScRepro.Models.Training;

/// <summary>
/// training_stats.json in the seed card's unified TrainStats schema: top-level wall_clock_s, wandb_run_url (always
/// null here: ScRepro logs locally), reason (max_epochs | early_stop | converged | budget) and details.
/// </summary>
public sealed record TrainStats(double WallClockS, string? WandbRunUrl, string Reason, TrainDetails Details)
{
    /// <summary>Writes the stats atomically in the project's JSON style.</summary>
    public void Write(string path) => Json.WriteFile(path, this);

    public static TrainStats Read(string path) => Json.Deserialize<TrainStats>(File.ReadAllText(path));
}

/// <summary>The card's budget table (epochs, cells, steps, hardware, best validation value and epoch) and model metadata.</summary>
public sealed record TrainDetails(
    int EpochsTrained,
    int? MaxEpochs,
    long CellsSeen,
    long GradientSteps,
    string Hardware,
    string SelectionMetric,
    string? EarlyStoppingMetric,
    int? Patience,
    double? BestValValue,
    int? BestValEpoch,
    IReadOnlyList<double> ValHistory,
    IReadOnlyList<double> TrainLossHistory,
    IReadOnlyDictionary<string, object?> Model);
