using System.Text.Json;

namespace ScRepro.Papers;

/// <summary>
/// The fields of a Crossref `/works/{doi}` record (research note §4.2) that cards print and `papers check` reads:
/// `relation["is-preprint-of"]` (a preprint's journal version) and update notices (`update-to`, `updated-by`).
/// </summary>
public sealed record CrossrefWork(
    string Doi,
    string? Type,
    string Title,
    IReadOnlyList<PaperAuthor> Authors,
    int? Year,
    string? Venue,
    string? Volume,
    string? Issue,
    string? Pages,
    string? License,
    IReadOnlyList<string> PreprintOf,
    IReadOnlyList<CrossrefUpdate> Updates)
{
    /// <summary>Reads `{"status":"ok","message-type":"work","message":{…}}`; anything else is an error naming the URL and field.</summary>
    public static CrossrefWork Parse(Uri url, byte[] body)
    {
        var root = ApiJson.Parse(url, body);
        var status = ApiJson.OptionalString(url, root, "", "status");
        if (status != "ok") throw ApiJson.Error(url, "status", $"the server answered '{status ?? "(none)"}', not 'ok'");
        var type = ApiJson.OptionalString(url, root, "", "message-type");
        if (type != "work") throw ApiJson.Error(url, "message-type", $"expected 'work', got '{type ?? "(none)"}'");
        var m = ApiJson.Required(url, root, "", "message", JsonValueKind.Object);
        const string at = "message";
        var titles = Strings(url, m, at, "title");
        if (titles.Count == 0) throw ApiJson.Error(url, "message.title", "missing or empty");
        var authors = ApiJson.OptionalArray(url, m, at, "author").Select(a =>
            ApiJson.OptionalString(url, a.Item, a.Path, "family") is { } family
                ? new PaperAuthor(family, ApiJson.OptionalString(url, a.Item, a.Path, "given"))
                : new PaperAuthor(ApiJson.OptionalString(url, a.Item, a.Path, "name") ?? throw ApiJson.Error(url, a.Path, "an author needs 'family' or 'name'"), null)).ToList();
        var relation = m.TryGetProperty("relation", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var preprintOf = ApiJson.OptionalArray(url, relation, $"{at}.relation", "is-preprint-of")
            .Select(x => ApiJson.RequiredString(url, x.Item, x.Path, "id")).ToList();
        // A notice's own record carries `update-to` (pointing at the work it updates); since 2024 the updated work's
        // record also lists its notices in `updated-by`. Either way the work is retracted or corrected.
        var updates = new[] { "update-to", "updated-by" }
            .SelectMany(name => ApiJson.OptionalArray(url, m, at, name))
            .Select(x => new CrossrefUpdate(ApiJson.RequiredString(url, x.Item, x.Path, "type"), ApiJson.OptionalString(url, x.Item, x.Path, "DOI"),
                DateOf(url, x.Item, x.Path, "updated"), ApiJson.OptionalString(url, x.Item, x.Path, "label"))).ToList();
        var licenses = ApiJson.OptionalArray(url, m, at, "license").Select(l => ApiJson.OptionalString(url, l.Item, l.Path, "URL")).ToList();
        var issued = DateOf(url, m, at, "issued");
        return new CrossrefWork(
            ApiJson.RequiredString(url, m, at, "DOI"),
            ApiJson.OptionalString(url, m, at, "type"),
            titles[0].Trim(),
            authors,
            issued is null ? null : int.Parse(issued[..4], System.Globalization.CultureInfo.InvariantCulture),
            Strings(url, m, at, "container-title").FirstOrDefault(),
            ApiJson.OptionalString(url, m, at, "volume"),
            ApiJson.OptionalString(url, m, at, "issue"),
            ApiJson.OptionalString(url, m, at, "page") ?? ApiJson.OptionalString(url, m, at, "article-number"),
            licenses.FirstOrDefault(),
            preprintOf,
            updates);
    }

    private static List<string> Strings(Uri url, JsonElement obj, string path, string name) =>
        ApiJson.OptionalArray(url, obj, path, name)
            .Select(x => x.Item.ValueKind == JsonValueKind.String ? x.Item.GetString()! : throw ApiJson.Error(url, x.Path, "expected a string")).ToList();

    /// <summary>A Crossref date (`{"date-parts":[[2024,2,26]]}`) as yyyy, yyyy-MM or yyyy-MM-dd; null when absent.</summary>
    private static string? DateOf(Uri url, JsonElement obj, string path, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var date) || date.ValueKind != JsonValueKind.Object) return null;
        var parts = ApiJson.OptionalArray(url, date, ApiJson.Join(path, name), "date-parts").FirstOrDefault();
        if (parts.Item.ValueKind != JsonValueKind.Array) return null;
        var numbers = parts.Item.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n
            : throw ApiJson.Error(url, parts.Path, "expected [year, month, day] numbers")).ToList();
        if (numbers.Count == 0) return null;
        return string.Join("-", numbers.Select((n, i) => i == 0 ? n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
