using ScRepro.Audit.Cards;

namespace ScRepro.Audit.Tests;

/// <summary>Cards split and parsed as the Hub does (repocard.py's front-matter regex, YAML 1.2).</summary>
public sealed class CardParserTests
{
    [Fact]
    public void Should_report_the_unquoted_colon_that_broke_the_old_template_with_its_line()
    {
        // The old template emitted the task name unquoted; "mapping values are not allowed here" (research note §1.1).
        var card = CardParser.Parse("---\nlicense: cc0-1.0\nmodel-index:\n- name: m\n  results:\n  - task:\n      name: perturbation response prediction (perturb-GEP): predict\n---\n# body\n", "README.md");
        Assert.True(card.HasFrontMatter);
        Assert.Null(card.FrontMatter);
        Assert.StartsWith("README.md:7: front matter is not valid YAML", card.FrontMatterError);
    }

    [Fact]
    public void Should_read_model_index_metrics_and_markdown_tables_with_lines()
    {
        var text = "---\nlibrary_name: screpro\nmodel-index:\n- name: m\n  results:\n  - task: {type: t}\n    dataset: {type: d, name: D}\n    metrics:\n    - {type: mse, value: 0.25}\n---\n\n## Test set metrics\n\n| metric | mean | median | max |\n|---|---|---|---|\n| mse | 0.2500 | 0.2000 | 0.9000 |\n";
        var claims = CardClaims.From(CardParser.Parse(text, "README.md"));
        Assert.True(claims.MadeByScRepro);
        Assert.Contains(claims.Metrics, m => m.Statistic == "model-index" && m.Value == 0.25);
        var median = claims.Metrics.Single(m => m.Statistic == "median");
        Assert.Equal(0.2, median.Value);
        Assert.Equal("README.md:16", median.Source);
    }
}
