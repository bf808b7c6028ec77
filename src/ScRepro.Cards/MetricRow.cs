namespace ScRepro.Cards;

/// <summary>One metric over the test set (means over seeds of each statistic); null: every test item was NaN.</summary>
public sealed record MetricRow(string Metric, double? Mean, double? Median, double? Max);
