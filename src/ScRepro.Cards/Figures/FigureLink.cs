namespace ScRepro.Cards.Figures;

/// <summary>
/// A figure written beside a card or comparison page: its file name in that folder, the image's alt text (what it
/// shows, for a reader who cannot see it) and the caption under it (how to read it, and how its data was chosen).
/// </summary>
public sealed record FigureLink(string Name, string Alt, string Caption);
