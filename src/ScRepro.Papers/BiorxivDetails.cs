using System.Globalization;
using System.Text.Json;
using ScRepro.Foundation.Errors;

namespace ScRepro.Papers;

/// <summary>
/// Reads `GET /details/{server}/{doi}/na/json` (research note §4.1): `{"messages":[{"status":"ok",…}],
/// "collection":[…]}`, one collection item per posted version; `published` is the journal DOI or "NA".
/// </summary>
public static class BiorxivDetails
{
    public static IReadOnlyList<BiorxivVersion> Parse(Uri url, byte[] body, string doi)
    {
        var root = ApiJson.Parse(url, body);
        var messages = ApiJson.OptionalArray(url, root, "", "messages").ToList();
        var status = messages.Count > 0 ? ApiJson.OptionalString(url, messages[0].Item, messages[0].Path, "status") : null;
        if (status != "ok")
            throw ApiJson.Error(url, "messages[0].status", $"the server answered '{status ?? "(none)"}', not 'ok' (is {doi} a DOI of this server?)");
        var versions = ApiJson.OptionalArray(url, root, "", "collection").Select(x => Version(url, x.Item, x.Path)).ToList();
        if (versions.Count == 0) throw ApiJson.Error(url, "collection", $"empty: the server lists no version of {doi}");
        return versions.OrderBy(v => v.Version).ToList();
    }

    private static BiorxivVersion Version(Uri url, JsonElement item, string path)
    {
        var text = ApiJson.OptionalString(url, item, path, "version") ?? throw ApiJson.Error(url, $"{path}.version", "missing");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            throw ApiJson.Error(url, $"{path}.version", $"'{text}' is not a version number");
        var published = ApiJson.OptionalString(url, item, path, "published");
        return new BiorxivVersion(version,
            ApiJson.RequiredString(url, item, path, "title").Trim(),
            Authors(ApiJson.OptionalString(url, item, path, "authors") ?? throw ApiJson.Error(url, $"{path}.authors", "missing")),
            ApiJson.OptionalString(url, item, path, "date"),
            ApiJson.OptionalString(url, item, path, "type"),
            ApiJson.OptionalString(url, item, path, "license"),
            ApiJson.OptionalString(url, item, path, "jatsxml"),
            published is null or "NA" or "" ? null : published);
    }

    /// <summary>"Boiarsky, R.; Singh, N." → (Boiarsky, R.), (Singh, N.); a name without a comma is a family name alone.</summary>
    public static IReadOnlyList<PaperAuthor> Authors(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a =>
        {
            var comma = a.IndexOf(',');
            return comma < 0 ? new PaperAuthor(a, null) : new PaperAuthor(a[..comma].Trim(), a[(comma + 1)..].Trim() is { Length: > 0 } g ? g : null);
        }).ToList();

    /// <summary>The pinned version; its absence is an error listing what the server has.</summary>
    public static BiorxivVersion Select(Uri url, IReadOnlyList<BiorxivVersion> versions, string doi, int version) =>
        versions.LastOrDefault(v => v.Version == version) ?? throw new ScReproException(
            $"{url}: version {version} of {doi} is not listed (the server has: {string.Join(", ", versions.Select(v => "v" + v.Version))})");
}
