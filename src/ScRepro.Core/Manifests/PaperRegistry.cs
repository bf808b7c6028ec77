using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Manifests;

/// <summary>
/// manifests/papers.yaml: every paper the project cites, once, by DOI (and bioRxiv/medRxiv version). Manifests name
/// papers by key; the metadata itself is pinned in manifests/papers.lock.json (ScRepro.Papers).
/// </summary>
public sealed record PaperRegistry(IReadOnlyList<PaperEntry> Papers, ManifestOrigin Origin)
{
    public const string FileName = "papers.yaml";
    public const string Biorxiv = "biorxiv";
    public const string Medrxiv = "medrxiv";
    public const string Crossref = "crossref";
    public static readonly string[] Servers = [Biorxiv, Medrxiv, Crossref];

    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public PaperEntry? Find(string key) => Papers.FirstOrDefault(p => p.Key == key);

    /// <summary>The entry <paramref name="cite"/> names; an unknown key is an error at the citing file and line.</summary>
    public PaperEntry Require(PaperRef cite) => Find(cite.Key) ?? throw new ScReproException(
        $"{cite.File}:{cite.Line}: key '{cite.Field}': unknown paper '{cite.Key}' ({Origin.File} lists: {string.Join(", ", Papers.Select(p => p.Key))})");
}
