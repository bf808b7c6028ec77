using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Cards.Tests;

public sealed class CardRendererTests
{
    private static CardRenderer Repo() => new(Path.Combine(TestPaths.RepoRoot, "reports", "templates"));

    [Fact]
    public void Should_render_every_section_of_the_seed_card()
    {
        var text = Repo().RenderModelCard(SampleCards.Card());
        Assert.StartsWith("---\nlicense: cc0-1.0\n", text);
        Assert.Contains("\n---\n\n# Train mean on Demo\n\nProduced by ScRepro.\n\n## Provenance\n", text);
        foreach (var heading in new[] { "## Provenance", "## Base model", "## Training", "## Budget and stopping", "## Test set metrics",
                     "## Reported vs reproduced", "## Known limitations", "## Files", "## Usage", "## Citation" })
            Assert.Contains(heading, text);
        // Numbers are formatted by the template (fmt.number: F4; fmt.reported: up to 4 decimals) from the raw doubles.
        Assert.Contains("| pearson_delta | 0.5067 | 0.5503 | 0.9132 |", text);
        Assert.Contains("| de_nsig_counts_pred | null (all values NaN) | NaN | 3.0000 |", text);
        Assert.Contains("| pearson_delta | 0.459 | 0.5067 | scGPT paper Table 1 |", text);
        Assert.Contains("| mse | 0.25 | not computed | elsewhere |", text);
        Assert.Contains("| stopping reason | converged |", text);
        Assert.Contains("- Source code commit: `da2a5820000` (clean tree; describe: `v0.1`)", text);
        Assert.DoesNotContain("||", text.Replace("|---|", ""));
        Assert.DoesNotContain("\n\n\n", text);
        Assert.EndsWith("## Citation\n\n- Dataset: simulated\n", text);
    }

    [Fact]
    public void Should_link_each_figure_with_its_alt_text_and_caption_and_say_nothing_of_figures_without_them()
    {
        var figure = new Figures.FigureLink("training-curve.png", "Line charts: validation mse and training loss per epoch", "Best epoch 3.");
        var text = Repo().RenderModelCard(SampleCards.Card() with { Figures = [figure] });
        // A relative link beside the card, under its own heading after the budget table.
        Assert.Contains("| stopping reason | converged |\n\n## Figures\n\n![Line charts: validation mse and training loss per epoch](training-curve.png)\n\nBest epoch 3.\n\n## Test set metrics", text);
        Assert.DoesNotContain("\n\n\n", text);
        var none = Repo().RenderModelCard(SampleCards.Card());
        Assert.DoesNotContain("## Figures", none);
        Assert.DoesNotContain(".png", none);
        Assert.Contains("| stopping reason | converged |\n\n## Test set metrics", none);
    }

    [Fact]
    public void Should_leave_out_the_references_section_when_there_are_none()
    {
        var text = Repo().RenderModelCard(SampleCards.Card() with { References = [] });
        Assert.DoesNotContain("Reported vs reproduced", text);
        Assert.Contains("| 3.0000 |\n\n## Known limitations\n\n- Simulated data.\n", text);
    }

    [Fact]
    public void Should_render_a_table_longer_than_scribans_default_loop_limit()
    {
        // Norman 2019 has 284 conditions; Scriban's default LoopLimit is 1,000 iterations: 1,500 rows prove it is raised.
        var rows = Enumerable.Range(0, 1500).Select(i => new MetricRow($"m{i}", i, i, i)).ToList();
        var text = Repo().RenderModelCard(SampleCards.Card(rows));
        Assert.Contains("| m1499 | 1499.0000 | 1499.0000 | 1499.0000 |", text);
    }

    [Fact]
    public void Should_bind_member_names_as_written()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("t.scriban"), "{{ Provenance.ShortCommit }}/{{ Provenance.short_commit }}");
        var e = Assert.Throws<ScReproException>(() => new CardRenderer(dir.Path).Render("t.scriban", SampleCards.Card()));
        Assert.Contains("short_commit", e.Message);
        File.WriteAllText(dir.File("u.scriban"), "{{ Provenance.ShortCommit }}");
        Assert.Equal("da2a582", new CardRenderer(dir.Path).Render("u.scriban", SampleCards.Card()));
    }

    [Theory]
    [InlineData("# {{ Title }}\n{{ Provenance.NoSuchField }}\n", "bad.scriban(2,")]
    [InlineData("# {{ Title }}\n\n{{ NoSuchVariable }}\n", "bad.scriban(3,")]
    [InlineData("{{ for row in Metrics }}{{ row.Mean2 }}{{ end }}", "bad.scriban(1,")]
    public void Should_fail_on_a_name_the_model_does_not_have_naming_template_and_line(string template, string where)
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("bad.scriban"), template);
        var e = Assert.Throws<ScReproException>(() => new CardRenderer(dir.Path).Render("bad.scriban", SampleCards.Card()));
        Assert.Contains("template error", e.Message);
        Assert.Contains(where, e.Message);
    }

    [Fact]
    public void Should_fail_on_a_template_syntax_error()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("broken.scriban"), "line one\n{{ for row in Metrics }} never closed");
        var e = Assert.Throws<ScReproException>(() => new CardRenderer(dir.Path).Render("broken.scriban", SampleCards.Card()));
        Assert.Contains("broken.scriban(2,", e.Message);
    }

    [Fact]
    public void Should_change_the_templates_hash_when_a_template_changes()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("a.scriban"), "x");
        var before = new CardRenderer(dir.Path).TemplatesHash();
        File.WriteAllText(dir.File("a.scriban"), "y");
        Assert.NotEqual(before, new CardRenderer(dir.Path).TemplatesHash());
    }
}
