namespace ScRepro.Cards;

/// <summary>One model's value of one metric (mean over test items, then over seeds), and whether it is the best.</summary>
public sealed record ComparisonCell(double? Mean, bool Best);
