namespace ScRepro.Audit.Cards;

/// <summary>A keyed value the card states (a budget or recipe table row, a provenance bullet) and where it was read.</summary>
public sealed record CardValue(string Text, string Source);
