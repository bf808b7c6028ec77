namespace ScRepro.Core.Manifests;

/// <summary>
/// One paper of manifests/papers.yaml: its DOI, where its metadata lives (<see cref="Server"/>: biorxiv, medrxiv or
/// crossref) and, for a preprint, the version the project's numbers were read from (null for a journal article).
/// </summary>
public sealed record PaperEntry(string Key, string Doi, string Server, int? Version, int Line)
{
    /// <summary>Whether the paper is a bioRxiv/medRxiv preprint, whose metadata comes from that server's details API.</summary>
    public bool IsPreprint => Server is PaperRegistry.Biorxiv or PaperRegistry.Medrxiv;
}
