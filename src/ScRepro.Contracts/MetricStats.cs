namespace ScRepro.Contracts;

/// <summary>
/// One metric over the test set: null statistics mean every value was null/NaN (cell-eval's agg_results convention);
/// the direction says which way is better, so no reader has to look the name up.
/// </summary>
public sealed record MetricStats(string Name, double? Mean, double? Median, double? Max, long Count, long NullCount,
    MetricDirection Direction);
