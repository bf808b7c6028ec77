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
    /// <summary>The Hub model id this one is fine-tuned from (`owner/name`), for the card's `base_model`; null when
    /// there is none on the Hub (trained from scratch, or a base such as scGPT's whole-human weights that is not there).</summary>
    public string? BaseModel { get; init; }

    /// <summary>Scheduler resources per unit (cpus, memory, GPUs, time limit, partition); <see cref="ModelResources.None"/> when absent.</summary>
    public ModelResources Resources { get; init; } = ModelResources.None;

    /// <summary>The papers to cite for the model and its recipe (keys of manifests/papers.yaml).</summary>
    public IReadOnlyList<PaperRef> Papers { get; init; } = [];
}

/// <summary>Training budget; null means no limit. Why training stopped is recorded in TrainStats.</summary>
public sealed record Budget(
    long? Epochs,
    long? MaxSteps,
    double? MaxWallClockS,
    string? EarlyStoppingMetric,
    long? Patience);
