namespace ScRepro.Papers;

/// <summary>One posted version of a preprint, as the bioRxiv/medRxiv details API lists it.</summary>
public sealed record BiorxivVersion(
    int Version,
    string Title,
    IReadOnlyList<PaperAuthor> Authors,
    string? Date,
    string? Type,
    string? License,
    string? Jatsxml,
    string? PublishedDoi);
