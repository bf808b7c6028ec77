namespace ScRepro.Cards.Figures;

/// <summary>One class's group of bars: its test support and each model's F1 (mean over seeds; null where the model has no row).</summary>
public sealed record ClassF1Group(string Label, long Support, IReadOnlyList<double?> F1);
