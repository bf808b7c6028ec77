namespace ScRepro.Cards;

/// <summary>
/// A file the card describes, by path relative to the run folder (or its name, for the card's own folder), with its
/// sha256; null only for a file that cannot hold its hash in the card (the card itself, card.json, the stamp).
/// </summary>
public sealed record FileRow(string Name, string? Sha256, string Description);
