namespace ScRepro.Nightly.Report;

/// <summary>One experiment of drift.json.</summary>
public sealed record ExperimentSummary(string Experiment, string Profile, string Verdict, IReadOnlyList<string> HeadlineMetrics, string? Failure, string? Skipped);
