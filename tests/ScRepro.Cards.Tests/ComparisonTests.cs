using ScRepro.Contracts;

namespace ScRepro.Cards.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public void Should_give_the_student_t_interval_over_seeds()
    {
        // mean 0.6, sd 0.1, n 3: half-width t(0.975, df 2) · 0.1 / √3 with t = 4.302652729911275 (scipy.stats.t.ppf).
        var ci = ComparisonStatistics.MeanCi([0.5, 0.6, 0.7])!.Value;
        Assert.Equal(0.6, ci.Mean, 12);
        Assert.Equal(4.302652729911275 * 0.1 / Math.Sqrt(3), ci.High - ci.Mean, 9);
        Assert.Equal(ci.High - ci.Mean, ci.Mean - ci.Low, 12);
        Assert.Null(ComparisonStatistics.MeanCi([0.5, double.NaN]));
    }

    [Fact]
    public void Should_give_numpys_linear_quartiles()
    {
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25]; NaN skipped like numpy.nanpercentile.
        Assert.Equal((1.75, 2.5, 3.25, 4), ComparisonStatistics.Quartiles([4, double.NaN, 1, 3, 2]));
        Assert.Null(ComparisonStatistics.Quartiles([double.NaN]));
    }

    private static EvalSummary Summary(string model, long seed, double mean) =>
        new(ModelTask.Perturbation, model, seed, [new MetricStats("pearson_delta", mean, mean, mean, 1, 0, MetricDirection.HigherIsBetter), new MetricStats("mse", 1 - mean, 0, 0, 1, 0, MetricDirection.LowerIsBetter)],
            new Dictionary<string, string>(),
            new ProvenanceBlock("c", "c", null, null, false, [], "0", "10", null, null, "os", "cpu", 1, new Dictionary<string, long>(), "t", "x"));

    private static IReadOnlyList<EvalSummary> Seeds(string model, params double[] means) =>
        means.Select((m, i) => Summary(model, i, m)).ToList();

    [Fact]
    public void Should_bold_the_best_only_when_its_interval_is_apart()
    {
        // a: mean 0.6 ± 0.248; b: 1.0 ± 0.248 → [0.352, 0.848] and [0.752, 1.248] overlap; c: 2.0 ± 0.248 is apart.
        var rows = ComparisonBuilder.Rows(["a", "b"], ["pearson_delta"], [Seeds("a", 0.5, 0.6, 0.7), Seeds("b", 0.9, 1.0, 1.1)], null);
        Assert.Equal("tie: a, b", rows[0].Verdict);
        Assert.DoesNotContain(rows[0].Values, c => c.Best);
        rows = ComparisonBuilder.Rows(["a", "c"], ["pearson_delta", "mse"], [Seeds("a", 0.5, 0.6, 0.7), Seeds("c", 1.9, 2.0, 2.1)], null);
        Assert.Equal("c", rows[0].Verdict);
        Assert.Equal([false, true], rows[0].Values.Select(c => c.Best));
        Assert.Equal(3, rows[0].Values[1].Seeds);
        // mse = 1 - mean is lower-is-better: c (1 - 2.0 = -1.0) wins there too.
        Assert.Equal("lower", rows[1].Direction);
        Assert.Equal("c", rows[1].Verdict);
    }

    [Fact]
    public void Should_use_the_spread_over_test_perturbations_with_one_seed()
    {
        var perItem = new[]
        {
            new Dictionary<string, IReadOnlyList<double>> { ["pearson_delta"] = [0.1, 0.2, 0.3, 0.4] },
            new Dictionary<string, IReadOnlyList<double>> { ["pearson_delta"] = [0.35, 0.5, 0.6, 0.7] },
        };
        var rows = ComparisonBuilder.Rows(["a", "b"], ["pearson_delta"], [Seeds("a", 0.25), Seeds("b", 0.54)], perItem);
        var a = rows[0].Values[0];
        Assert.Equal((0.175, 0.25, 0.325), (a.Q1!.Value, a.Median!.Value, a.Q3!.Value), new TupleComparer());
        Assert.Null(a.HalfWidth);
        // IQRs [0.175, 0.325] and [0.4625, 0.625] are apart: b is best.
        Assert.Equal("b", rows[0].Verdict);
        var text = new CardRenderer(Path.Combine(Testing.TestPaths.RepoRoot, "reports", "templates")).Render("comparison.md.scriban",
            new ComparisonPage("T", "e", "c", "clean tree", "D", "h", ["a", "b"], rows, ["note"], [], []));
        Assert.Contains("| pearson_delta | higher | 0.2500 (median 0.2500, IQR 0.1750–0.3250) | **0.5400** (median 0.5500, IQR 0.4625–0.6250) | b |", text);
    }

    [Fact]
    public void Should_print_the_interval_as_plus_minus_half_its_width()
    {
        var rows = ComparisonBuilder.Rows(["a", "b"], ["pearson_delta"], [Seeds("a", 0.5, 0.6, 0.7), Seeds("b", 0.9, 1.0, 1.1)], null);
        var text = new CardRenderer(Path.Combine(Testing.TestPaths.RepoRoot, "reports", "templates")).Render("comparison.md.scriban",
            new ComparisonPage("T", "e", "c", "clean tree", "D", "h", ["a", "b"], rows, [], [], []));
        // 0.248413... → 0.2484 (F4).
        Assert.Contains("| pearson_delta | higher | 0.6000 ± 0.2484 | 1.0000 ± 0.2484 | tie: a, b |", text);
    }

    [Fact]
    public void Should_link_the_figures_and_list_every_file_of_the_page_folder()
    {
        var rows = ComparisonBuilder.Rows(["a", "b"], ["pearson_delta"], [Seeds("a", 0.5), Seeds("b", 0.9)], null);
        var figures = new[] { new Figures.FigureLink("delta.png", "Scatter plots", "Chosen by rank.") };
        var files = new[] { new FileRow("delta.png", new string('e', 64), "in this folder: figure: Scatter plots"), new FileRow("COMPARISON.md", null, "this page") };
        var text = new CardRenderer(Path.Combine(Testing.TestPaths.RepoRoot, "reports", "templates")).Render("comparison.md.scriban",
            new ComparisonPage("T", "e", "c", "clean tree", "D", "h", ["a", "b"], rows, ["note"], figures, files));
        Assert.Contains("- note\n\n## Figures\n\n![Scatter plots](delta.png)\n\nChosen by rank.\n\n## Files\n", text);
        Assert.Contains($"| `delta.png` | `{new string('e', 64)}` | in this folder: figure: Scatter plots |", text);
        Assert.Contains("| `COMPARISON.md` | n/a | this page |", text);
        Assert.DoesNotContain("\n\n\n", text);
    }

    private sealed class TupleComparer : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12 && Math.Abs(x.Item3 - y.Item3) < 1e-12;

        public int GetHashCode((double, double, double) obj) => 0;
    }
}
