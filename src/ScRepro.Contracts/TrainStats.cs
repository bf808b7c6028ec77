namespace ScRepro.Contracts;

/// <summary>training_stats.json: the seed card's unified TrainStats schema, plus the provenance block.</summary>
public sealed record TrainStats(
    double WallClockS,
    string? WandbRunUrl,
    string Reason,
    IReadOnlyDictionary<string, object?> Details,
    ProvenanceBlock Provenance);
