namespace ScRepro.Papers;

/// <summary>
/// The three services a paper's metadata comes from. The defaults are the public hosts; an option or environment
/// variable (SCREPRO_BIORXIV_ENDPOINT, SCREPRO_CROSSREF_ENDPOINT, SCREPRO_DOI_ENDPOINT) points them at a fake.
/// </summary>
public sealed record PaperEndpoints(string Biorxiv, string Crossref, string Doi)
{
    public const string DefaultBiorxiv = "https://api.biorxiv.org";
    public const string DefaultCrossref = "https://api.crossref.org";
    public const string DefaultDoi = "https://doi.org";

    public static PaperEndpoints Public { get; } = new(DefaultBiorxiv, DefaultCrossref, DefaultDoi);

    /// <summary>Options first, then the environment, then the public hosts.</summary>
    public static PaperEndpoints Resolve(string? biorxiv, string? crossref, string? doi) => new(
        Pick(biorxiv, "SCREPRO_BIORXIV_ENDPOINT", DefaultBiorxiv),
        Pick(crossref, "SCREPRO_CROSSREF_ENDPOINT", DefaultCrossref),
        Pick(doi, "SCREPRO_DOI_ENDPOINT", DefaultDoi));

    /// <summary>bioRxiv/medRxiv content detail for one DOI: one collection item per posted version.</summary>
    public Uri Details(string server, string doi) => new($"{Biorxiv}/details/{server}/{doi}/na/json");

    /// <summary>Crossref's work record; `mailto` puts the request in Crossref's polite pool.</summary>
    public Uri Work(string doi, string? mailto) =>
        new($"{Crossref}/works/{doi}{(mailto is null ? "" : "?mailto=" + Uri.EscapeDataString(mailto))}");

    /// <summary>The DOI resolver; with Accept: application/x-bibtex it answers the registrar's BibTeX.</summary>
    public Uri Resolver(string doi) => new($"{Doi}/{doi}");

    private static string Pick(string? option, string variable, string fallback)
    {
        var value = option ?? Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new Foundation.Errors.ScReproException($"{(option is null ? variable : "endpoint")} '{value}': not an absolute http or https URL");
        return value.TrimEnd('/');
    }
}
