namespace ScRepro.Contracts;

/// <summary>Null statistics mean every value was null/NaN (cell-eval's agg_results convention).</summary>
public sealed record MetricStats(string Name, double? Mean, double? Median, double? Max, long Count, long NullCount);
