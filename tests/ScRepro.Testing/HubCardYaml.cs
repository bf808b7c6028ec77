using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace ScRepro.Testing;

/// <summary>
/// Reads a card's front matter as the Hub would and checks the Hub's model card metadata fields (hub-docs modelcard.md;
/// ../shared/research/audit-nightly-references.md §2.2), independently of ScRepro.Cards' own reader: the block is found
/// with huggingface_hub's REGEX_YAML_BLOCK, parsed by YamlDotNet's parser, and plain scalars are typed by the YAML 1.2
/// core schema's regular expressions (spec 1.2.2 §10.3.2), so a string that reads as a number or a boolean fails.
/// </summary>
public static partial class HubCardYaml
{
    /// <summary>The parsed front matter: maps are Dictionary&lt;string, object?&gt;, lists List&lt;object?&gt;, scalars typed.</summary>
    public static Dictionary<string, object?> Parse(string card)
    {
        var match = Block().Match(card);
        Assert.True(match.Success, "no front matter block");
        var stream = new YamlStream();
        stream.Load(new StringReader(match.Groups[2].Value));
        Assert.Single(stream.Documents);
        return Assert.IsType<Dictionary<string, object?>>(Value(stream.Documents[0].RootNode));
    }

    /// <summary>Asserts the fields the Hub requires or that ScRepro promises, and returns the parsed block.</summary>
    public static Dictionary<string, object?> AssertHubValid(string card, IReadOnlySet<string> licenceIds)
    {
        var root = Parse(card);
        var license = Assert.IsType<string>(root["license"]);
        Assert.Contains(license, licenceIds);
        if (license == "other")
        {
            Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<string>(root["license_name"])));
            Assert.True(Uri.TryCreate(Assert.IsType<string>(root["license_link"]), UriKind.Absolute, out _));
        }
        Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<string>(root["library_name"])));
        Assert.All(Assert.IsType<List<object?>>(root["tags"]), t => Assert.IsType<string>(t));
        Assert.All(Assert.IsType<List<object?>>(root["datasets"]), t => Assert.IsType<string>(t));
        if (root.TryGetValue("base_model", out var b)) Assert.Matches("^[^/\\s]+/[^/\\s]+$", Assert.IsType<string>(b));
        var index = Assert.IsType<List<object?>>(root["model-index"]);
        Assert.NotEmpty(index);
        foreach (var entry in index.Cast<Dictionary<string, object?>>())
        {
            Assert.IsType<string>(entry["name"]);
            foreach (var result in Assert.IsType<List<object?>>(entry["results"]).Cast<Dictionary<string, object?>>())
            {
                var task = Assert.IsType<Dictionary<string, object?>>(result["task"]);
                Assert.IsType<string>(task["type"]);
                Assert.IsType<string>(task["name"]);
                var dataset = Assert.IsType<Dictionary<string, object?>>(result["dataset"]);
                Assert.IsType<string>(dataset["type"]);
                Assert.IsType<string>(dataset["name"]);
                foreach (var metric in Assert.IsType<List<object?>>(result["metrics"]).Cast<Dictionary<string, object?>>())
                {
                    Assert.IsType<string>(metric["type"]);
                    Assert.IsType<string>(metric["name"]);
                    Assert.True(metric["value"] is double or long, $"metric value {metric["value"]} is not a number");
                }
            }
        }
        return root;
    }

    private static object? Value(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => Assert.IsType<string>(Value(kv.Key)), kv => Value(kv.Value)),
        YamlSequenceNode s => s.Children.Select(Value).ToList(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Core(p.Value ?? ""),
        YamlScalarNode q => q.Value,
        _ => throw new InvalidOperationException("unexpected YAML node"),
    };

    private static object? Core(string v) =>
        NullPattern().IsMatch(v) ? null
        : BoolPattern().IsMatch(v) ? v is "true" or "True" or "TRUE"
        : IntPattern().IsMatch(v) ? long.Parse(v, CultureInfo.InvariantCulture)
        : FloatPattern().IsMatch(v) ? double.Parse(v, CultureInfo.InvariantCulture)
        : SpecialFloatPattern().IsMatch(v) ? double.NaN
        : v;

    [GeneratedRegex(@"^(null|Null|NULL|~|)$")] private static partial Regex NullPattern();
    [GeneratedRegex(@"^(true|True|TRUE|false|False|FALSE)$")] private static partial Regex BoolPattern();
    [GeneratedRegex(@"^[-+]?[0-9]+$")] private static partial Regex IntPattern();
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")] private static partial Regex FloatPattern();
    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$")] private static partial Regex SpecialFloatPattern();

    [GeneratedRegex(@"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")]
    private static partial Regex Block();
}
