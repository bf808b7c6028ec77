using System.Text.RegularExpressions;

namespace ScRepro.Core.Manifests;

/// <summary>Reads manifests/papers.yaml with <see cref="ManifestLoader.Load{T}"/>'s strict rules (file, line and key in every error).</summary>
public static partial class PaperRegistryLoader
{
    public static PaperRegistry Load(string file) => ManifestLoader.Load(file, (m, origin) =>
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var papers = m.NamedMappings("papers", (key, p) =>
        {
            if (!ManifestLoader.IsId(key)) throw m.Error($"papers.{key}", ManifestLoader.NotAnId(key));
            var doi = p.RequiredString("doi");
            // A DOI is case-insensitive; one spelling, as the registrar prints it, keeps "once by DOI" checkable.
            if (!DoiPattern().IsMatch(doi)) throw p.Error("doi", $"'{doi}' is not a DOI (10.<registrant>/<suffix>, no URL prefix)");
            if (seen.TryGetValue(doi, out var other)) throw p.Error("doi", $"'{doi}' is already listed as '{other}': list each paper once");
            seen[doi] = key;
            var server = p.RequiredString("server");
            if (!PaperRegistry.Servers.Contains(server))
                throw p.Error("server", $"'{server}' is not one of: {string.Join(", ", PaperRegistry.Servers)}");
            var version = p.OptionalInt("version");
            var preprint = server != PaperRegistry.Crossref;
            if (preprint && version is null) throw p.Error("version", $"required for a {server} preprint: the version the numbers were read from");
            if (preprint && version < 1) throw p.Error("version", $"'{version}' must be 1 or more");
            if (!preprint && version is not null) throw p.Error("version", "only for biorxiv/medrxiv preprints (a journal article has no version)");
            if (preprint && !doi.StartsWith("10.1101/", StringComparison.Ordinal))
                throw p.Error("doi", $"'{doi}' is not a bioRxiv/medRxiv DOI (10.1101/…); use server: crossref");
            return new PaperEntry(key, doi, server, (int?)version, p.Line);
        });
        if (papers.Count == 0) throw m.Error("papers", "list at least one paper");
        return new PaperRegistry(papers, origin);
    });

    [GeneratedRegex(@"^10\.[0-9]{4,9}/[-._;()/:A-Za-z0-9]+$")]
    private static partial Regex DoiPattern();
}
