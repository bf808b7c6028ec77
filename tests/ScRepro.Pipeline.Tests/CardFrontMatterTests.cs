using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// Every card the repository's manifests can produce has front matter the Hub accepts (hub-docs modelcard.md; see
/// ../shared/research/audit-nightly-references.md §1.1 for how today's cards failed): parsed by YAML, with a Hub
/// licence id and the model-index fields. Summaries are synthetic (<see cref="SyntheticCards"/>).
/// </summary>
public sealed class CardFrontMatterTests
{
    public static TheoryData<string> Experiments() =>
        new(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "manifests", "experiments"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Should_give_every_card_of_an_experiment_front_matter_the_hub_accepts(string experiment)
    {
        using var dir = TestPaths.NewTempDir();
        var manifests = Path.Combine(TestPaths.RepoRoot, "manifests");
        var cards = SyntheticCards.Render(manifests, experiment, dir).ToList();
        Assert.NotEmpty(cards);
        foreach (var (model, card, text) in cards)
        {
            var root = HubCardYaml.AssertHubValid(text, HubLicenses.Ids);
            var ds = ManifestLoader.LoadDataset(Path.Combine(manifests, "datasets", card.Hub.Datasets[0] + ".yaml"));
            // scBERT (GPL-3.0) and Geneformer (Apache-2.0) cards carry the model's licence; every other card the data set's.
            Assert.Equal(ScRepro.Cards.ModelLicence.ForKind(model.Kind)?.HubId ?? ds.License.Id, root["license"]);
            var entry = (Dictionary<string, object?>)((List<object?>)root["model-index"]!)[0]!;
            Assert.Equal(model.Id, entry["name"]);
            var result = (Dictionary<string, object?>)((List<object?>)entry["results"]!)[0]!;
            Assert.Equal(ds.Title, ((Dictionary<string, object?>)result["dataset"]!)["name"]);
            // The synthetic first headline metric's mean over seeds: 0.25 + 0.001 · mean(seeds) (SyntheticCards.Runs).
            var first = (Dictionary<string, object?>)((List<object?>)result["metrics"]!)[0]!;
            var seeds = ManifestLoader.LoadExperiment(Path.Combine(manifests, "experiments", experiment + ".yaml")).Seeds;
            Assert.Equal(0.25 + 0.001 * seeds.Average(), (double)first["value"]!, 12);
        }
    }

    [Fact]
    public void Should_use_other_with_a_name_and_a_link_for_a_licence_the_hub_does_not_list()
    {
        using var dir = TestPaths.NewTempDir();
        var (_, card, text) = SyntheticCards.Render(Path.Combine(TestPaths.RepoRoot, "manifests"), "boiarsky_pbmc_lr", dir).First();
        var root = HubCardYaml.AssertHubValid(text, HubLicenses.Ids);
        Assert.Equal("other", root["license"]);
        Assert.Equal("zheng68k-scbert-redistribution", root["license_name"]);
        Assert.Equal("https://github.com/clinicalml/sc-foundation-eval", root["license_link"]);
        Assert.Contains("- Dataset licence: zheng68k-scbert-redistribution (other; terms: https://github.com/clinicalml/sc-foundation-eval). Derived from", text);
        Assert.Null(card.Hub.BaseModel);
        Assert.False(root.ContainsKey("base_model"));
    }

    [Fact]
    public void Should_keep_the_front_matter_valid_whatever_the_manifests_say()
    {
        // Every free-text manifest field, and the metric names, carry strings that break unquoted YAML.
        const string hostile = "x: y # z\n- 'q' \"w\" yes 2026-01-01 ü";
        using var dir = TestPaths.NewTempDir();
        var manifests = Path.Combine(dir.Path, "manifests");
        foreach (var sub in new[] { "datasets", "models", "experiments" }) Directory.CreateDirectory(Path.Combine(manifests, sub));
        var q = System.Text.Json.JsonSerializer.Serialize(hostile); // a JSON string is a YAML 1.2 double-quoted scalar
        File.WriteAllText(Path.Combine(manifests, "datasets", "d.yaml"),
            $"id: d\ntitle: {q}\ncitation: {q}\nlicense: other\nlicense_name: my-terms\nlicense_link: \"https://example.org/terms?a=1#b: c\"\nlicense_note: {q}\n" +
            "generator:\n  name: screpro-demo\n  seed: 1\n  outputs: [perturbation.h5ad]\n");
        File.WriteAllText(Path.Combine(manifests, "models", "m.yaml"),
            $"id: m\nkind: train_mean\ntask: perturbation\ntitle: {q}\ndescription: {q}\nlimitations: [{q}]\ncitation: {q}\nbase_model: owner/base-1.0\n");
        File.WriteAllText(Path.Combine(manifests, "experiments", "e.yaml"),
            $"id: e\ntitle: {q}\ntask: perturbation\ndataset: d\nfile: perturbation.h5ad\ncolumns: {{perturbation: condition, control: ctrl}}\n" +
            "split: {policy: gears_simulation, seed: 1}\nmodels: [m]\nseeds: [0, 1]\n");
        var (_, _, text) = SyntheticCards.Render(manifests, "e", dir, [hostile, "mse"]).Single();
        var root = HubCardYaml.AssertHubValid(text, HubLicenses.Ids);
        Assert.Equal("https://example.org/terms?a=1#b: c", root["license_link"]);
        Assert.Equal("owner/base-1.0", root["base_model"]);
        Assert.Equal("finetune", root["base_model_relation"]);
        var result = (Dictionary<string, object?>)((List<object?>)((Dictionary<string, object?>)((List<object?>)root["model-index"]!)[0]!)["results"]!)[0]!;
        Assert.Equal(hostile, ((Dictionary<string, object?>)result["dataset"]!)["name"]);
        Assert.Equal(hostile, ((Dictionary<string, object?>)((List<object?>)result["metrics"]!)[0]!)["type"]);
    }
}
