namespace ScRepro.Papers;

/// <summary>An author as the registrar lists them; <see cref="Given"/> may be initials or absent.</summary>
public sealed record PaperAuthor(string Family, string? Given);
