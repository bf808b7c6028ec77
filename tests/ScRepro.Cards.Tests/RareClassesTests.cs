using ScRepro.Evaluation.Annotation;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Cards.Tests;

/// <summary>
/// The comparison page's per-class table. Supports 60 / 37 / 3 test cells: C's share is 3 % (< 5 %, rare), B's 37 %.
/// Per-class values are given per seed below; the cells are their means, worked by hand.
/// </summary>
public sealed class RareClassesTests
{
    private static ClassMetrics C(string label, double p, double r, double f, int support) => new(label, p, r, f, support);

    private static readonly IReadOnlyList<IReadOnlyList<IReadOnlyList<ClassMetrics>>> PerClass =
    [
        // lr: one seed
        [[C("A", 0.9, 0.95, 0.92, 60), C("B", 0.8, 0.7, 0.75, 37), C("C", 0.5, 0.33, 0.4, 3)]],
        // scbert: two seeds; C is never predicted in the second (precision and recall 0, sklearn's zero_division)
        [[C("A", 0.8, 0.9, 0.85, 60), C("B", 0.6, 0.5, 0.55, 37), C("C", 1.0, 0.33, 0.5, 3)],
         [C("A", 0.7, 0.9, 0.8, 60), C("B", 0.6, 0.4, 0.5, 37), C("C", 0.0, 0.0, 0.0, 3)]],
    ];

    private static readonly IReadOnlyList<IReadOnlyList<string>> Sources = [["lr/seed0/per_class.csv"], ["scbert/seed0/per_class.csv", "scbert/seed1/per_class.csv"]];

    [Fact]
    public void Should_order_by_test_cells_and_call_out_classes_under_the_stated_fraction()
    {
        var rows = RareClasses.Rows(["lr", "scbert"], PerClass, Sources);
        Assert.Equal(["A", "B", "C"], rows.Select(r => r.Label));
        Assert.Equal([false, false, true], rows.Select(r => r.Rare));
        Assert.Equal("3.0 %", rows[2].ShareText);
        Assert.Equal(new PerClassCell(0.5, 0.165, 0.25), rows[2].Values[1]);   // (1.0 + 0) / 2, (0.33 + 0) / 2, (0.5 + 0) / 2
        Assert.Equal(new PerClassCell(0.9, 0.95, 0.92), rows[0].Values[0]);
    }

    [Fact]
    public void Should_refuse_evaluations_that_saw_different_test_sets_naming_the_file()
    {
        IReadOnlyList<IReadOnlyList<IReadOnlyList<ClassMetrics>>> bad = [PerClass[0], [[C("A", 1, 1, 1, 59)]]];
        var e = Assert.Throws<ScReproException>(() => RareClasses.Rows(["lr", "scbert"], bad, [["lr.csv"], ["scbert.csv"]]));
        Assert.Contains("scbert.csv", e.Message);
        Assert.Contains("'A'", e.Message);
    }

    [Fact]
    public void Should_render_the_rule_the_rare_classes_and_every_models_scores()
    {
        var page = new ComparisonPage("T", "exp", "abc", "clean tree", "Demo", "h", ["lr", "scbert"], [], [], [], [])
        {
            PerClass = RareClasses.Rows(["lr", "scbert"], PerClass, Sources),
        };
        var text = new CardRenderer(Path.Combine(TestPaths.RepoRoot, "reports", "templates")).Render("comparison.md.scriban", page);
        Assert.Contains("## Per class", text);
        Assert.Contains("rare = fewer than 5 % of the test cells", text);
        Assert.Contains("Rare classes: **C** (3 test cells, 3.0 %).", text);
        Assert.Contains("| class | test cells | rare | lr P / R / F1 | scbert P / R / F1 |", text);
        Assert.Contains("| **C** | 3 (3.0 %) | rare | 0.5000 / 0.3300 / 0.4000 | 0.5000 / 0.1650 / 0.2500 |", text);
        Assert.Contains("| A | 60 (60.0 %) |  | 0.9000 / 0.9500 / 0.9200 | 0.7500 / 0.9000 / 0.8250 |", text);
    }

    [Fact]
    public void Should_leave_the_section_out_of_a_page_without_per_class_rows()
    {
        var page = new ComparisonPage("T", "exp", "abc", "clean tree", "Demo", "h", ["m"], [], [], [], []);
        var text = new CardRenderer(Path.Combine(TestPaths.RepoRoot, "reports", "templates")).Render("comparison.md.scriban", page);
        Assert.DoesNotContain("Per class", text);
    }
}
