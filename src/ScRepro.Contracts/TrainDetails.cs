using System.Text.Json.Serialization;

namespace ScRepro.Contracts;

/// <summary>
/// TrainStats' `details`: what every trainer reports (cells seen, the files it wrote, what it chose, the seeds it
/// derived), and per model family what only it knows. The card reads these fields, never keys of a map.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "family")]
[JsonDerivedType(typeof(ClosedFormDetails), "closed_form")]
[JsonDerivedType(typeof(LogisticDetails), "logistic_l1")]
[JsonDerivedType(typeof(FineTuneDetails), "fine_tune")]
public abstract record TrainDetails
{
    /// <summary>Cells the fit saw (counted once per epoch for gradient training).</summary>
    public required long CellsSeen { get; init; }

    /// <summary>Hyperparameters the trainer chose or resolved (shown on the card as "name (chosen)").</summary>
    public IReadOnlyList<ChosenValue> Chosen { get; init; } = [];

    /// <summary>The seeds derived from the unit's seed, by purpose (Seeds.Derive), so any draw can be replayed.</summary>
    public IReadOnlyDictionary<string, long> DerivedSeeds { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The pretrained weights the model started from; null when trained from scratch.</summary>
    public string? BaseModel { get; init; }

    /// <summary>The files written beside training_stats.json (the card lists them with hashes).</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];
}
