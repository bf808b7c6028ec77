using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace ScRepro.Cards.Hub;

/// <summary>
/// Writes a card's `---` front matter with YamlDotNet's serializer (so a ": ", "#", quote, newline, leading "-" or a
/// string that looks like a number or a boolean is quoted or escaped by the emitter, never by hand), and reads it back
/// the way the Hub finds it (huggingface_hub repocard.py REGEX_YAML_BLOCK), for tests and for the audit.
/// </summary>
public static partial class FrontMatter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()   // "true", "1.0", "null", "yes" stay strings
        .WithEventEmitter(next => new EscapingEventEmitter(next))
        .DisableAliases()
        .Build();

    /// <summary>The front matter block, from the opening `---` to the closing `---` and its newline.</summary>
    public static string Write(HubMetadata hub)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // No line folding: a long task name stays on one line (folding is valid YAML, but harder to read and diff).
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false,
            maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: false, newLine: "\n", useUtf16SurrogatePairs: false));
        Serializer.Serialize(emitter, ToTree(hub));
        return "---\n" + text.ToString() + "---\n";
    }

    private static OrderedDictionary<string, object?> ToTree(HubMetadata hub)
    {
        var tree = new OrderedDictionary<string, object?> { ["license"] = hub.License };
        if (hub.LicenseName is not null) tree["license_name"] = hub.LicenseName;
        if (hub.LicenseLink is not null) tree["license_link"] = hub.LicenseLink;
        tree["library_name"] = hub.LibraryName;
        tree["tags"] = hub.Tags.ToList();
        if (hub.Datasets.Count > 0) tree["datasets"] = hub.Datasets.ToList();
        if (hub.BaseModel is not null) tree["base_model"] = hub.BaseModel;
        if (hub.BaseModelRelation is not null) tree["base_model_relation"] = hub.BaseModelRelation;
        tree["model-index"] = hub.ModelIndex.Select(e => new OrderedDictionary<string, object?>
        {
            ["name"] = e.Name,
            ["results"] = e.Results.Select(r => new OrderedDictionary<string, object?>
            {
                ["task"] = new OrderedDictionary<string, object?> { ["type"] = r.Task.Type, ["name"] = r.Task.Name },
                ["dataset"] = Dataset(r.Dataset),
                ["metrics"] = r.Metrics.Select(m => new OrderedDictionary<string, object?>
                {
                    ["type"] = m.Type,
                    ["value"] = Number(m),
                    ["name"] = m.Name,
                }).ToList(),
            }).ToList(),
        }).ToList();
        return tree;
    }

    private static OrderedDictionary<string, object?> Dataset(ModelIndexDataset d)
    {
        var map = new OrderedDictionary<string, object?> { ["type"] = d.Type, ["name"] = d.Name };
        if (d.Split is not null) map["split"] = d.Split;
        return map;
    }

    /// <summary>A metric value as a plain YAML number in shortest round-trip form (the Hub wants a number, and NaN is not one).</summary>
    private static object Number(ModelIndexMetric m) =>
        double.IsFinite(m.Value)
            ? new PlainNumber(m.Value.ToString("R", CultureInfo.InvariantCulture))
            : throw new ScReproException($"front matter: metric '{m.Type}' has no finite value ({m.Value}); leave it out of model-index");

    /// <summary>
    /// Reads the front matter of a card's text as the Hub does: the block between the first two `---` lines, parsed as
    /// YAML, unknown fields ignored. Errors say which field is missing or of the wrong type.
    /// </summary>
    public static HubMetadata Read(string cardText, string source)
    {
        var match = YamlBlock().Match(cardText);
        if (!match.Success) throw new ScReproException($"{source}: no front matter (a card starts with a '---' line and a closing '---')");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(match.Groups[2].Value));
        }
        catch (YamlException e)
        {
            throw new ScReproException($"{source}:{e.Start.Line + 1}: front matter is not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count != 1 || YamlValues.ToValue(stream.Documents[0].RootNode, source, "") is not IDictionary<string, object?> root)
            throw new ScReproException($"{source}: front matter is not one YAML mapping");
        var index = List(root, "model-index", source).Select((e, i) =>
        {
            var entry = Map(e, $"model-index[{i}]", source);
            return new ModelIndexEntry(Str(entry, "name", $"model-index[{i}]", source)!, List(entry, "results", source, $"model-index[{i}]").Select((r, j) =>
            {
                var at = $"model-index[{i}].results[{j}]";
                var result = Map(r, at, source);
                var task = Map(Get(result, "task", at, source), $"{at}.task", source);
                var dataset = Map(Get(result, "dataset", at, source), $"{at}.dataset", source);
                return new ModelIndexResult(
                    new ModelIndexTask(Str(task, "type", $"{at}.task", source)!, Str(task, "name", $"{at}.task", source, required: false) ?? ""),
                    new ModelIndexDataset(Str(dataset, "type", $"{at}.dataset", source)!, Str(dataset, "name", $"{at}.dataset", source)!,
                        Str(dataset, "split", $"{at}.dataset", source, required: false)),
                    List(result, "metrics", source, at).Select((m, k) =>
                    {
                        var metric = Map(m, $"{at}.metrics[{k}]", source);
                        var value = Get(metric, "value", $"{at}.metrics[{k}]", source) switch
                        {
                            double d => d,
                            long l => l,
                            var other => throw new ScReproException($"{source}: {at}.metrics[{k}].value: expected a number, got '{other}'"),
                        };
                        return new ModelIndexMetric(Str(metric, "type", $"{at}.metrics[{k}]", source)!, value,
                            Str(metric, "name", $"{at}.metrics[{k}]", source, required: false) ?? "");
                    }).ToList());
            }).ToList());
        }).ToList();
        var baseModel = root.TryGetValue("base_model", out var b) ? b switch
        {
            null => null,
            string s => s,
            List<object?> list when list.All(x => x is string) => string.Join(",", list),
            _ => throw new ScReproException($"{source}: base_model: expected a model id or a list of them"),
        } : null;
        return new HubMetadata(Str(root, "license", "", source)!, Str(root, "license_name", "", source, required: false),
            Str(root, "license_link", "", source, required: false), Str(root, "library_name", "", source, required: false) ?? "",
            Strings(root, "tags", source), Strings(root, "datasets", source), baseModel,
            Str(root, "base_model_relation", "", source, required: false), index);
    }

    private static object? Get(IDictionary<string, object?> map, string key, string at, string source) =>
        map.TryGetValue(key, out var v) && v is not null ? v
        : throw new ScReproException($"{source}: {(at.Length == 0 ? key : $"{at}.{key}")}: required field is missing");

    private static IDictionary<string, object?> Map(object? value, string at, string source) =>
        value as IDictionary<string, object?> ?? throw new ScReproException($"{source}: {at}: expected a mapping");

    private static List<object?> List(IDictionary<string, object?> map, string key, string source, string at = "") =>
        Get(map, key, at, source) as List<object?> ?? throw new ScReproException($"{source}: {(at.Length == 0 ? key : $"{at}.{key}")}: expected a list");

    private static string? Str(IDictionary<string, object?> map, string key, string at, string source, bool required = true)
    {
        if (!map.TryGetValue(key, out var v) || v is null)
            return required ? throw new ScReproException($"{source}: {(at.Length == 0 ? key : $"{at}.{key}")}: required field is missing") : null;
        return v as string ?? throw new ScReproException($"{source}: {(at.Length == 0 ? key : $"{at}.{key}")}: expected a string, got '{Convert.ToString(v, CultureInfo.InvariantCulture)}'");
    }

    private static IReadOnlyList<string> Strings(IDictionary<string, object?> map, string key, string source) =>
        !map.TryGetValue(key, out var v) || v is null ? []
        : v is string one ? [one]
        : v is List<object?> list && list.All(x => x is string) ? list.Cast<string>().ToList()
        : throw new ScReproException($"{source}: {key}: expected a list of strings");

    /// <summary>huggingface_hub repocard.py REGEX_YAML_BLOCK.</summary>
    [GeneratedRegex(@"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")]
    private static partial Regex YamlBlock();
}
