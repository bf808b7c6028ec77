using ScRepro.Cards.Hub;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Cards.Tests;

public sealed class FrontMatterTests
{
    /// <summary>Strings that end, comment out, retype or re-indent an unquoted YAML scalar, and some that only look odd.</summary>
    public static TheoryData<string> Hostile() =>
    [
        "perturbation response prediction (perturb-GEP): predict", ": ", "a: b", "# not a comment", "x #y", "'single'", "\"double\"",
        "it's", "line one\nline two", "trailing newline\n", "- leading dash", "-", "?", "? key", "unicode: ü 漢字 🧬", "true", "False",
        "yes", "off", "null", "~", "", "1.5", "0x1F", "1e3", ".nan", " leading space", "trailing space ", "[flow, list]", "{a: b}",
        "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "---", "...", "a\n---\nb", "\ttab", "back\\slash",
        "cr\r\nlf", "line\u2028separator", "next\u0085line", "bell\u0007", "zero\u200bwidth", "\ufeffbom",
        "y", "n", "on", "NO", "0o17", "1_000", "12:30:00", "2026-01-01", "<<", "=",
    ];

    private static HubMetadata Every(string s) => new(s, s, s, s, [s, "plain"], [s], s, s,
        [new ModelIndexEntry(s, [new ModelIndexResult(new ModelIndexTask(s, s), new ModelIndexDataset(s, s, s), [new ModelIndexMetric(s, 0.5, s)])])]);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Should_keep_a_hostile_string_exact_in_every_field(string s)
    {
        var text = FrontMatter.Write(Every(s)) + "\n# body\n";
        var root = HubCardYaml.Parse(text);
        foreach (var key in new[] { "license", "license_name", "license_link", "library_name", "base_model", "base_model_relation" })
            Assert.Equal(s, root[key]);
        Assert.Equal(new object?[] { s, "plain" }, (List<object?>)root["tags"]!);
        Assert.Equal(new object?[] { s }, (List<object?>)root["datasets"]!);
        var entry = (Dictionary<string, object?>)((List<object?>)root["model-index"]!)[0]!;
        Assert.Equal(s, entry["name"]);
        var result = (Dictionary<string, object?>)((List<object?>)entry["results"]!)[0]!;
        var task = (Dictionary<string, object?>)result["task"]!;
        var dataset = (Dictionary<string, object?>)result["dataset"]!;
        var metric = (Dictionary<string, object?>)((List<object?>)result["metrics"]!)[0]!;
        Assert.Equal([s, s, s, s, s, s], new[] { task["type"], task["name"], dataset["type"], dataset["name"], dataset["split"], metric["type"] });
        Assert.Equal(s, metric["name"]);
        Assert.Equal(0.5, metric["value"]);
        // ScRepro's own reader (the audit's) reads back the same record.
        Assert.Equal(FrontMatter.Write(Every(s)), FrontMatter.Write(FrontMatter.Read(text, "card")));
        Assert.EndsWith("\n# body\n", text);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Off")]
    [InlineData("y")]
    [InlineData("1_000")]
    [InlineData("12:30:00")]
    [InlineData("2026-01-01")]
    [InlineData("<<")]
    public void Should_quote_what_yaml_1_1_would_read_as_another_type(string s)
    {
        // huggingface_hub reads card metadata with PyYAML (YAML 1.1), where these plain scalars are a bool, an int
        // (1_000, and 12:30:00 = 45000 in base 60), a date or a merge key; YAML 1.2 alone would leave them strings.
        Assert.Contains($"\nlicense: '{s}'\n", FrontMatter.Write(SampleCards.Hub(s)));
    }

    [Theory]
    [InlineData(0.5067, "0.5067")]
    [InlineData(0.30000000000000004, "0.30000000000000004")] // 0.1 + 0.2: shortest round-trip text, not 17 digits of 0.3
    [InlineData(1e-300, "1E-300")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(3.0, "3")]
    public void Should_write_metric_values_as_plain_round_trip_numbers(double value, string text)
    {
        var hub = SampleCards.Hub() with
        {
            ModelIndex = [SampleCards.Hub().ModelIndex[0] with { Results = [SampleCards.Hub().ModelIndex[0].Results[0] with { Metrics = [new ModelIndexMetric("m", value, "m")] }] }],
        };
        var yaml = FrontMatter.Write(hub);
        Assert.Contains($"    value: {text}\n", yaml);
        var parsed = FrontMatter.Read(yaml, "card");
        Assert.Equal(value, parsed.ModelIndex[0].Results[0].Metrics[0].Value);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_refuse_a_metric_value_that_is_not_a_number(double value)
    {
        var hub = SampleCards.Hub();
        hub = hub with { ModelIndex = [hub.ModelIndex[0] with { Results = [hub.ModelIndex[0].Results[0] with { Metrics = [new ModelIndexMetric("mse", value, "mse")] }] }] };
        var e = Assert.Throws<ScReproException>(() => FrontMatter.Write(hub));
        Assert.Contains("'mse'", e.Message);
    }

    [Fact]
    public void Should_write_the_hub_layout()
    {
        // The layout of hub-docs modelcard.md's example, field by field.
        var hub = SampleCards.Hub("other") with { LicenseName = "figshare-24954519", LicenseLink = "https://doi.org/10.6084/m9.figshare.24954519",
            BaseModel = "owner/base", BaseModelRelation = "finetune" };
        Assert.Equal("""
            ---
            license: other
            license_name: figshare-24954519
            license_link: https://doi.org/10.6084/m9.figshare.24954519
            library_name: screpro
            tags:
            - single-cell
            - screpro
            datasets:
            - demo
            base_model: owner/base
            base_model_relation: finetune
            model-index:
            - name: train_mean
              results:
              - task:
                  type: perturbation-response-prediction
                  name: perturbation
                dataset:
                  type: demo
                  name: Demo
                  split: test
                metrics:
                - type: pearson_delta
                  value: 0.5067
                  name: pearson_delta (mean)
            ---

            """.Replace("\r\n", "\n"), FrontMatter.Write(hub));
        HubCardYaml.AssertHubValid(FrontMatter.Write(hub), HubLicenses.Ids);
    }

    [Theory]
    [InlineData("no front matter\n", "no front matter")]
    [InlineData("---\nlicense: [unclosed\n---\n", "not valid YAML")]
    [InlineData("---\nlicense: mit\n---\n", "model-index: required field is missing")]
    [InlineData("---\nlicense: mit\nmodel-index:\n- name: x\n  results:\n  - task: {type: t}\n    dataset: {type: d, name: n}\n    metrics:\n    - {type: m, value: high}\n---\n", "metrics[0].value: expected a number")]
    public void Should_say_what_is_wrong_with_a_card_it_cannot_read(string text, string message)
    {
        var e = Assert.Throws<ScReproException>(() => FrontMatter.Read(text, "README.md"));
        Assert.Contains("README.md", e.Message);
        Assert.Contains(message, e.Message);
    }
}
