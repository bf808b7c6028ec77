namespace ScRepro.Audit.Cards;

/// <summary>A metric the card claims: name, statistic (mean/median/max, or the model-index value), the text as written, its value, and where.</summary>
public sealed record CardMetric(string Name, string Statistic, string Text, double? Value, string Source);
