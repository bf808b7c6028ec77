using System.Globalization;
using System.Text.RegularExpressions;
using ScRepro.Audit.Model;

namespace ScRepro.Audit.Cards;

/// <summary>
/// What a card claims, read from its front matter (license, library_name, base_model, datasets, model-index metrics,
/// ScRepro's own `screpro` block) and from the body in ScRepro's card grammar, which the seed card shares: the
/// Provenance bullets, the `metric | mean | median | max` table, the Budget and Training tables and the Files table.
/// </summary>
public sealed partial record CardClaims(
    CardDocument Document,
    bool MadeByScRepro,
    string? Commit,
    CardValue? CommitSource,
    IReadOnlyList<CardValue> NamedPaths,
    IReadOnlyList<CardMetric> Metrics,
    IReadOnlyDictionary<string, CardValue> Budget,
    IReadOnlyDictionary<string, CardValue> Recipe,
    IReadOnlyDictionary<string, CardValue> FilePins,
    IReadOnlyDictionary<string, string> Screpro,
    string? BaseModel,
    IReadOnlyList<Claim> Claims)
{
    [GeneratedRegex(@"Source code commit:\s*`?([0-9a-fA-F]{7,40})\b")]
    private static partial Regex CommitPattern();

    [GeneratedRegex(@"(Runner|Dataset manifest):\s*`?([A-Za-z0-9_./-]+\.(?:py|yaml|yml|sh|json))`?")]
    private static partial Regex PathPattern();

    /// <summary>Extracts the claims of a parsed card.</summary>
    public static CardClaims From(CardDocument doc)
    {
        var claims = new List<Claim>();
        var file = doc.File;
        var front = doc.FrontMatter ?? new Dictionary<string, object?>();
        foreach (var key in new[] { "license", "library_name", "base_model", "datasets", "pipeline_tag" })
            if (front.TryGetValue(key, out var v) && v is not null) claims.Add(new Claim(key, $"{file} front matter `{key}`", Text(v)));
        var screpro = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (front.TryGetValue("screpro", out var s) && s is IDictionary<string, object?> block)
            foreach (var (k, v) in block)
            {
                screpro[k] = Text(v);
                claims.Add(new Claim($"screpro.{k}", $"{file} front matter `screpro.{k}`", Text(v)));
            }
        var madeByScRepro = screpro.Count > 0 || (front.TryGetValue("library_name", out var lib) && lib as string == "screpro");

        var metrics = new List<CardMetric>();
        metrics.AddRange(ModelIndexMetrics(front, file));

        string? commit = null;
        CardValue? commitSource = null;
        var paths = new List<CardValue>();
        var body = string.Join("\n", doc.BodyLines);
        if (CommitPattern().Match(body) is { Success: true } cm)
        {
            commit = cm.Groups[1].Value.ToLowerInvariant();
            commitSource = new CardValue(commit, $"{file}:{LineOf(doc, cm.Index, body)}");
            claims.Add(new Claim("source code commit", commitSource.Source, commit));
        }
        foreach (Match pm in PathPattern().Matches(body))
        {
            var value = new CardValue(pm.Groups[2].Value, $"{file}:{LineOf(doc, pm.Index, body)}");
            paths.Add(value);
            claims.Add(new Claim(pm.Groups[1].Value.ToLowerInvariant(), value.Source, value.Text));
        }

        var budget = new SortedDictionary<string, CardValue>(StringComparer.Ordinal);
        var recipe = new SortedDictionary<string, CardValue>(StringComparer.Ordinal);
        var pins = new SortedDictionary<string, CardValue>(StringComparer.Ordinal);
        foreach (var table in doc.Tables)
        {
            var header = table.Header.Select(h => h.ToLowerInvariant()).ToList();
            if (header.Count >= 2 && header[0] == "metric" && header.Contains("mean"))
            {
                foreach (var row in table.Rows.Where(r => r.Cells.Count == header.Count))
                    for (var c = 1; c < header.Count; c++)
                    {
                        if (header[c] is not ("mean" or "median" or "max")) continue;
                        metrics.Add(new CardMetric(row.Cells[0], header[c], row.Cells[c], Number(row.Cells[c]), $"{file}:{row.Line}"));
                    }
                claims.Add(new Claim("metrics table", $"{file}:{table.Rows.FirstOrDefault()?.Line}", $"{table.Rows.Count} metrics ({table.Heading})"));
            }
            else if (header.Count >= 2 && header[0] == "file" && header.Contains("sha256"))
            {
                var col = header.IndexOf("sha256");
                foreach (var row in table.Rows.Where(r => r.Cells.Count > col))
                {
                    var name = row.Cells[0].Trim('`');
                    var pin = new CardValue(row.Cells[col].Trim('`'), $"{file}:{row.Line}");
                    pins[name] = pin;
                    claims.Add(new Claim($"file {name}", pin.Source, pin.Text));
                }
            }
            else if (table.Heading.Contains("Budget", StringComparison.OrdinalIgnoreCase) && header.Count == 2)
            {
                foreach (var row in table.Rows.Where(r => r.Cells.Count == 2))
                {
                    budget[row.Cells[0]] = new CardValue(row.Cells[1], $"{file}:{row.Line}");
                    claims.Add(new Claim(row.Cells[0], $"{file}:{row.Line}", row.Cells[1]));
                }
            }
            else if (table.Heading.StartsWith("Training", StringComparison.OrdinalIgnoreCase) && header.Count == 2)
            {
                foreach (var row in table.Rows.Where(r => r.Cells.Count == 2))
                {
                    recipe[row.Cells[0]] = new CardValue(row.Cells[1], $"{file}:{row.Line}");
                    claims.Add(new Claim($"recipe {row.Cells[0]}", $"{file}:{row.Line}", row.Cells[1]));
                }
            }
        }
        var baseModel = front.TryGetValue("base_model", out var bm) && bm is not null ? Text(bm) : null;
        return new CardClaims(doc, madeByScRepro, commit, commitSource, paths, metrics, budget, recipe, pins, screpro, baseModel, claims);
    }

    private static IEnumerable<CardMetric> ModelIndexMetrics(IReadOnlyDictionary<string, object?> front, string file)
    {
        if (!front.TryGetValue("model-index", out var mi) || mi is not IList<object?> models) yield break;
        for (var m = 0; m < models.Count; m++)
        {
            if (models[m] is not IDictionary<string, object?> model || !model.TryGetValue("results", out var r) || r is not IList<object?> results) continue;
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i] is not IDictionary<string, object?> result || !result.TryGetValue("metrics", out var ms) || ms is not IList<object?> list) continue;
                for (var k = 0; k < list.Count; k++)
                {
                    if (list[k] is not IDictionary<string, object?> metric || !metric.TryGetValue("type", out var t) || t is not string type) continue;
                    metric.TryGetValue("value", out var value);
                    yield return new CardMetric(type, "model-index", Text(value), value switch { double d => d, long l => l, string str => Number(str), _ => null },
                        $"{file} front matter `model-index[{m}].results[{i}].metrics[{k}].value`");
                }
            }
        }
    }

    /// <summary>A number as a card writes it ("0.5067", "794,880", "NaN"); null when the cell is not a number.</summary>
    public static double? Number(string text)
    {
        var t = text.Replace(",", "").Replace("*", "").Trim();
        if (t.Equals("NaN", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static int LineOf(CardDocument doc, int index, string body) => doc.BodyFirstLine + body[..index].Count(c => c == '\n');

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        IDictionary<string, object?> => Core.Manifests.YamlValues.CanonicalJson(value),
        IEnumerable<object?> list => string.Join(", ", list.Select(Text)),
        _ => value.ToString() ?? "",
    };
}
