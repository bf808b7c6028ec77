using System.Globalization;
using System.Text;
using ScRepro.Core.Hashing;
using ScRepro.Core.Manifests;
using ScRepro.Foundation.Errors;
using ScRepro.Terminal;

namespace ScRepro.Papers;

/// <summary>
/// `screpro papers fetch`: for each paper of manifests/papers.yaml, the metadata (bioRxiv/medRxiv details for a
/// preprint, selecting the pinned version; Crossref /works otherwise) and the BibTeX (DOI content negotiation), then
/// the whole lock rewritten at once: any failure leaves the old lock as it was.
/// </summary>
public static class PaperFetcher
{
    public const string BibtexMime = "application/x-bibtex";
    public const string JsonMime = "application/json";

    /// <param name="only">Keys to refresh (the others keep their lock entries); empty: every paper.</param>
    public static PaperLockDocument Fetch(PaperRegistry registry, string lockFile, PaperEndpoints endpoints, PaperClient client,
        IReadOnlyCollection<string> only, string command, Func<DateTimeOffset>? clock = null)
    {
        foreach (var key in only)
            if (registry.Find(key) is null)
                throw new ScReproException($"--key '{key}': not in {registry.Origin.File} (it lists: {string.Join(", ", registry.Papers.Select(p => p.Key))})");
        var now = (clock ?? (() => DateTimeOffset.UtcNow))();
        var utc = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var previous = only.Count > 0 ? PaperLock.ReadRaw(lockFile)?.Papers : null;
        var papers = new SortedDictionary<string, LockedPaper>(StringComparer.Ordinal);
        foreach (var entry in registry.Papers)
        {
            if (only.Count > 0 && !only.Contains(entry.Key) && previous?.GetValueOrDefault(entry.Key) is { } kept
                && kept.Doi == entry.Doi && kept.Version == entry.Version)
            {
                papers[entry.Key] = kept;
                continue;
            }
            Output.Info($"papers: {entry.Key} ({entry.Doi}{(entry.Version is { } v ? $" v{v}" : "")})");
            papers[entry.Key] = FetchOne(entry, endpoints, client, utc);
        }
        var isPublic = endpoints == PaperEndpoints.Public;
        var note = "Made by `screpro papers fetch` from manifests/papers.yaml; cards cite only from this file. " + (isPublic
            ? "Re-run it to refresh; `screpro papers check` reports newer versions, publications and retractions."
            : "The endpoints below are NOT the public services: these entries came from a local server answering in their " +
              "shapes (tests/fixtures/papers/README.md). `screpro papers fetch` with the default endpoints regenerates it from the real ones.");
        var document = new PaperLockDocument(PaperLock.Schema, new LockProvenance(note, command, endpoints,
            typeof(PaperFetcher).Assembly.GetName().Version?.ToString(3) ?? "unknown", utc), papers);
        PaperLock.Write(lockFile, document);
        return document;
    }

    private static LockedPaper FetchOne(PaperEntry entry, PaperEndpoints endpoints, PaperClient client, string utc)
    {
        var responses = new List<PaperResponse>();
        (byte[] Body, Uri Url) Get(Uri url, string accept)
        {
            var (body, sha) = client.Get(url, accept);
            responses.Add(new PaperResponse(url.AbsoluteUri, sha));
            return (body, url);
        }

        LockedPaper paper;
        if (entry.IsPreprint)
        {
            var (body, url) = Get(endpoints.Details(entry.Server, entry.Doi), JsonMime);
            var v = BiorxivDetails.Select(url, BiorxivDetails.Parse(url, body, entry.Doi), entry.Doi, entry.Version!.Value);
            paper = new LockedPaper(entry.Doi, entry.Server, entry.Version, v.Type, v.Title, v.Authors,
                v.Date is { Length: >= 4 } d ? int.Parse(d[..4], CultureInfo.InvariantCulture) : YearOfDoi(entry.Doi), v.Date,
                entry.Server == PaperRegistry.Biorxiv ? "bioRxiv" : "medRxiv", null, null, null, v.License, v.PublishedDoi, v.Jatsxml,
                "", "", utc, responses);
        }
        else
        {
            var (body, url) = Get(endpoints.Work(entry.Doi, Environment.GetEnvironmentVariable("SCREPRO_MAILTO")), JsonMime);
            var w = CrossrefWork.Parse(url, body);
            if (!string.Equals(w.Doi, entry.Doi, StringComparison.OrdinalIgnoreCase))
                throw ApiJson.Error(url, "message.DOI", $"'{w.Doi}' is not the DOI asked for ({entry.Doi})");
            paper = new LockedPaper(entry.Doi, entry.Server, null, w.Type, w.Title, w.Authors, w.Year, null, w.Venue, w.Volume, w.Issue,
                w.Pages, w.License, w.PreprintOf.FirstOrDefault(), null, "", "", utc, responses);
        }
        var (bib, bibUrl) = Get(endpoints.Resolver(entry.Doi), BibtexMime);
        var bibtex = Bibtex(bibUrl, bib);
        return paper with { Bibtex = bibtex, BibtexSha256 = TextHash.Sha256(bibtex), Responses = [.. responses] };
    }

    /// <summary>bioRxiv DOIs since December 2019 carry the date they were assigned (10.1101/2023.10.19.563100): the year when `date` is absent.</summary>
    private static int? YearOfDoi(string doi) =>
        doi.Length >= 12 && int.TryParse(doi.AsSpan(8, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && doi[12] == '.' ? y : null;

    /// <summary>The BibTeX as answered (UTF-8); an HTML page or JSON where BibTeX was asked for is an error.</summary>
    private static string Bibtex(Uri url, byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new ScReproException($"{url}: the BibTeX response is not UTF-8");
        }
        if (!text.TrimStart().StartsWith('@') || !text.Contains('{'))
            throw new ScReproException($"{url}: expected BibTeX (Accept: {BibtexMime}), got: {ApiJson.Preview(body)}");
        return text;
    }
}
