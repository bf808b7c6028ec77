namespace ScRepro.Cards;

/// <summary>A file the card describes, by path relative to the run folder, with its sha256.</summary>
public sealed record FileRow(string Name, string Sha256, string Description);
