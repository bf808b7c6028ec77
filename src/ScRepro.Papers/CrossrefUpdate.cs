namespace ScRepro.Papers;

/// <summary>A Crossref update notice about a work: its type (retraction, correction, …), the notice's DOI and date.</summary>
public sealed record CrossrefUpdate(string Type, string? Doi, string? Date, string? Label);
