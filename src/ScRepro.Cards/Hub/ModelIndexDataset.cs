namespace ScRepro.Cards.Hub;

/// <summary>`results[].dataset`: <see cref="Split"/> is omitted when null.</summary>
public sealed record ModelIndexDataset(string Type, string Name, string? Split);
