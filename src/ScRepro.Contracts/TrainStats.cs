namespace ScRepro.Contracts;

/// <summary>
/// training_stats.json, the seed card's unified TrainStats schema: top-level wall_clock_s, wandb_run_url (always null:
/// ScRepro logs locally), reason and details (typed per model family), plus the provenance block the Train stage adds
/// (null while a trainer hands the stats back).
/// </summary>
public sealed record TrainStats(
    double WallClockS,
    string? WandbRunUrl,
    StopReason Reason,
    TrainDetails Details,
    ProvenanceBlock? Provenance = null);
