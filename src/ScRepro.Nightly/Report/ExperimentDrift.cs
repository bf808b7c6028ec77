namespace ScRepro.Nightly.Report;

/// <summary>
/// One experiment's comparison: its profile, verdict, the models, and why it failed (a stage error: BROKEN) or was
/// skipped (its data is not present and nightly.yaml runs it only when it is: no verdict).
/// </summary>
public sealed record ExperimentDrift(
    string Experiment,
    string Profile,
    Verification.Comparison.Verdict Verdict,
    IReadOnlyList<ModelDrift> Models,
    IReadOnlyList<string> HeadlineMetrics,
    string? Failure,
    string? Skipped);
