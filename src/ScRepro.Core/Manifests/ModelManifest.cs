using ScRepro.Contracts;

namespace ScRepro.Core.Manifests;

/// <summary>manifests/models/&lt;id&gt;.yaml: a trainer kind, its hyperparameters and its budget.</summary>
public sealed record ModelManifest(
    string Id,
    string Kind,
    ModelTask Task,
    string Title,
    string? Description,
    IReadOnlyDictionary<string, object?> Hyperparameters,
    Budget Budget,
    IReadOnlyList<string> Limitations,
    string? Citation,
    ManifestOrigin Origin)
{
    /// <summary>Scheduler resources per unit (cpus, memory, GPUs, time limit, partition); <see cref="ModelResources.None"/> when absent.</summary>
    public ModelResources Resources { get; init; } = ModelResources.None;
}

/// <summary>Training budget; null means no limit. Why training stopped is recorded in TrainStats.</summary>
public sealed record Budget(
    long? Epochs,
    long? MaxSteps,
    double? MaxWallClockS,
    string? EarlyStoppingMetric,
    long? Patience);
