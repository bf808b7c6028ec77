namespace ScRepro.Nightly.History;

/// <summary>One line of history.csv: a headline metric's seed-mean (of the per-seed mean) for one model on one night.</summary>
public sealed record HistoryRow(string Date, string Commit, string Experiment, string Model, string Metric, double? Value);
