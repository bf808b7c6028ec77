using ScRepro.Contracts;
using ScRepro.Cards;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

public sealed class CardRendererTests
{
    private static ModelCard Sample() => new(
        Title: "Train mean on Demo",
        Summary: "Produced by ScRepro.",
        Front: new FrontMatter("CC0-1.0", ["single-cell", "screpro"], "train_mean", "perturbation-response-prediction", "perturbation",
            "demo", "Demo", [new FrontMetric("pearson_delta", "pearson_delta (mean)", "0.5067")]),
        Provenance: new CardProvenance("da2a5820000", "da2a582", "clean tree", "v0.1", "./build.sh --target=Card", "manifests/datasets/demo.yaml",
            new string('a', 64), new string('b', 64), "SIMULATED", "gears_simulation, seed 1", new string('c', 64), "20 train / 5 val / 10 test",
            "split 1; training 0", "ScRepro 0.1.0", "2026-11-21T00:00:00Z"),
        BaseModel: "None",
        Recipe: [new KeyValue("model kind", "train_mean")],
        Budget: [new KeyValue("epochs trained", "n/a"), new KeyValue("stopping reason", "converged")],
        MetricsSource: "cell-eval",
        // Values from the seed card (../shared/seeds/000_087a4537ab43ddf3.txt), pearson_delta row.
        Metrics: [new MetricRow("pearson_delta", "0.5067", "0.5503", "0.9132")],
        References: [new ReferenceRow("pearson_delta", "0.459", "0.5067", "scGPT paper Table 1")],
        HasReferences: true,
        Limitations: ["Simulated data."],
        Files: [new FileRow("train/m/seed0/training_stats.json", new string('d', 64), "TrainStats")],
        Usage: "./build.sh --target=Card",
        Citations: ["Dataset: simulated"]);

    [Fact]
    public void Should_render_every_section_of_the_seed_card()
    {
        var renderer = new CardRenderer(Path.Combine(TestPaths.RepoRoot, "reports", "templates"));
        var text = renderer.Render("model_card.md.hbs", Sample());
        Assert.StartsWith("---\nlicense: CC0-1.0\n", text);
        foreach (var heading in new[] { "## Provenance", "## Base model", "## Training", "## Budget and stopping", "## Test set metrics",
                     "## Reported vs reproduced", "## Known limitations", "## Files", "## Usage", "## Citation" })
            Assert.Contains(heading, text);
        Assert.Contains("| pearson_delta | 0.5067 | 0.5503 | 0.9132 |", text);
        Assert.Contains("    - type: pearson_delta\n      name: pearson_delta (mean)\n      value: 0.5067", text);
        Assert.Contains("| stopping reason | converged |", text);
        Assert.DoesNotContain("||", text.Replace("|---|", ""));
    }

    [Fact]
    public void Should_fail_on_a_binding_the_model_does_not_have()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("bad.md.hbs"), "# {{Title}}\n{{Provenance.NoSuchField}}\n");
        var renderer = new CardRenderer(dir.Path);
        var e = Assert.Throws<ScReproException>(() => renderer.Render("bad.md.hbs", Sample()));
        Assert.Contains("bad.md.hbs: template error", e.Message);
    }

    [Fact]
    public void Should_fail_on_a_template_syntax_error()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("broken.md.hbs"), "{{#each Metrics}} never closed");
        var e = Assert.Throws<ScReproException>(() => new CardRenderer(dir.Path).Render("broken.md.hbs", Sample()));
        Assert.Contains("broken.md.hbs", e.Message);
    }

    [Fact]
    public void Should_change_the_templates_hash_when_a_template_changes()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("a.md.hbs"), "x");
        var before = new CardRenderer(dir.Path).TemplatesHash();
        File.WriteAllText(dir.File("a.md.hbs"), "y");
        Assert.NotEqual(before, new CardRenderer(dir.Path).TemplatesHash());
    }
}
