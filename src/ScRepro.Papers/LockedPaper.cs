namespace ScRepro.Papers;

/// <summary>
/// One paper as pinned in manifests/papers.lock.json: identity (DOI, server, version), the fields cards print,
/// the BibTeX as the DOI resolver answered it, and the responses it came from. Field order is the JSON order.
/// </summary>
public sealed record LockedPaper(
    string Doi,
    string Server,
    int? Version,
    string? Type,
    string Title,
    IReadOnlyList<PaperAuthor> Authors,
    int? Year,
    string? Posted,
    string? Venue,
    string? Volume,
    string? Issue,
    string? Pages,
    string? License,
    string? PublishedDoi,
    string? Jatsxml,
    string Bibtex,
    string BibtexSha256,
    string FetchedUtc,
    IReadOnlyList<PaperResponse> Responses);
