namespace ScRepro.Cards;

/// <summary>One metric across models: Values[i] belongs to Models[i]; <see cref="Direction"/> is "lower", "higher" or "n/a".</summary>
public sealed record ComparisonRow(string Metric, string Direction, IReadOnlyList<ComparisonCell> Values);
