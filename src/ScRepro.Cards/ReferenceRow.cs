namespace ScRepro.Cards;

/// <summary>A number a paper reports beside ours; <see cref="Computed"/> is false when we do not compute that metric.</summary>
public sealed record ReferenceRow(string Metric, double Reported, bool Computed, double? Reproduced, string Source);
