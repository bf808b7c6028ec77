namespace ScRepro.Cards;

/// <summary>
/// One metric across models: Values[i] belongs to Models[i]; <see cref="Direction"/> is "lower", "higher" or "n/a";
/// <see cref="Verdict"/> names the best model when its interval is apart from the others', or the models that tie.
/// </summary>
public sealed record ComparisonRow(string Metric, string Direction, IReadOnlyList<ComparisonCell> Values, string Verdict);
