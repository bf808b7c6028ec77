using System.Text.Json;
using ScRepro.Cards.Figures;
using ScRepro.Contracts;
using ScRepro.Evaluation.Annotation;
using ScRepro.Foundation.IO;
using ScRepro.Testing;

namespace ScRepro.Cards.Tests;

/// <summary>
/// The card and comparison figures: the data each one draws is what its inputs say (boxes, panels, bars, cells,
/// epochs), the PNG is valid with the size the layout gives for that data, and the same inputs give the same bytes.
/// Expected quartiles are numpy's: np.percentile(v, [25, 50, 75]) with the default linear interpolation.
/// </summary>
public sealed class FigureTests
{
    private static readonly string[] Models = ["control_mean", "additive", "scgpt_perturbation_cpu"];

    // As summary.json states them (cell-eval: mse is best at 0, pearson_delta at 1).
    private static readonly Dictionary<string, MetricDirection> Directions = new()
    {
        ["mse"] = MetricDirection.LowerIsBetter, ["pearson_delta"] = MetricDirection.HigherIsBetter,
    };

    private static IReadOnlyDictionary<string, IReadOnlyList<double>> Items(params (string Metric, double[] Values)[] columns) =>
        columns.ToDictionary(c => c.Metric, c => (IReadOnlyList<double>)c.Values);

    private static IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>> PerItem() =>
    [
        Items(("mse", [1, 2, 3, 4, double.NaN]), ("pearson_delta", [0.1, 0.2, 0.3, 0.4, 0.5])),
        Items(("mse", [1, 2, 3, 4, 100]), ("pearson_delta", [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN])),
        Items(("mse", [0.5, 0.5, 0.5, 0.5, 0.5]), ("pearson_delta", [0.9, 0.8, 0.7, 0.6, 0.5])),
    ];

    [Fact]
    public void Should_draw_a_box_per_model_for_each_headline_metric_reported_per_perturbation()
    {
        // overlap_at_N is a headline metric no model reports per perturbation here: no panel for it.
        var panels = MetricDistributionFigure.Panels(Models, ["mse", "overlap_at_N", "pearson_delta"], PerItem(), Directions);
        Assert.Equal(["mse", "pearson_delta"], panels.Select(p => p.Metric));
        Assert.All(panels, p => Assert.Equal(Models.Length, p.Boxes.Count));
        Assert.Equal(MetricDirection.LowerIsBetter, panels[0].Direction);
        Assert.Equal(MetricDirection.HigherIsBetter, panels[1].Direction);

        // np.percentile([1, 2, 3, 4], [25, 50, 75]) = 1.75, 2.5, 3.25; the NaN is counted, not drawn.
        var first = panels[0].Boxes[0]!;
        Assert.Equal((1.75, 2.5, 3.25, 1.0, 4.0, 1), (first.Q1, first.Median, first.Q3, first.WhiskerLow, first.WhiskerHigh, first.NaNCount));
        Assert.Equal(4, first.Points.Count);
        // [1, 2, 3, 4, 100]: quartiles 2, 3, 4; 100 lies beyond Q3 + 1.5 IQR = 7, so the upper whisker stops at 4.
        var outlier = panels[0].Boxes[1]!;
        Assert.Equal((2.0, 3.0, 4.0, 4.0), (outlier.Q1, outlier.Median, outlier.Q3, outlier.WhiskerHigh));
        Assert.Equal(5, outlier.Points.Count);
        Assert.Null(panels[1].Boxes[1]);                // all NaN: no box, and its label says so
    }

    [Fact]
    public void Should_render_the_distribution_figure_as_a_valid_png_with_one_panel_per_metric_and_the_same_bytes_twice()
    {
        var panels = MetricDistributionFigure.Panels(Models, ["mse", "pearson_delta"], PerItem(), Directions);
        var png = MetricDistributionFigure.Render(Models, panels);
        Assert.Equal(png, MetricDistributionFigure.Render(Models, MetricDistributionFigure.Panels(Models, ["mse", "pearson_delta"], PerItem(), Directions)));
        // Two panels side by side (720 px each), one row of 150 + 42 px per model, under the 44 px figure title.
        Assert.Equal((1440, 44 + 150 + 42 * 3), PngHeader.Size(png));
        var three = MetricDistributionFigure.Render(Models, MetricDistributionFigure.Panels(Models, ["mse", "pearson_delta", "mse"], PerItem(), Directions));
        Assert.Equal((1440, 44 + 2 * (150 + 42 * 3)), PngHeader.Size(three));
    }

    [Fact]
    public void Should_draw_text_with_the_pinned_font()
    {
        // Without a font SkiaSharp's Linux build draws no glyphs, and two titles would give the same pixels.
        static byte[] Titled(string title)
        {
            var plot = FigureStyle.NewPlot();
            plot.Title(title);
            return FigureStyle.Png(plot, 300, 200);
        }
        Assert.NotEqual(Titled("A"), Titled("B"));
        Assert.Equal(Titled("A"), Titled("A"));
    }

    // A gene whose mean log1p expression moves by delta from a control mean of 1.
    private static DeEntry Gene(string name, double delta, double fdr, double lfc = 1) => new(name, Math.Exp(Math.Log(2) + delta) - 1, 1, lfc, fdr);

    [Fact]
    public void Should_pick_the_strongest_median_and_weakest_perturbations_and_their_lowest_fdr_genes()
    {
        // Five perturbations whose 25 genes all change by the same amount: strength = that amount.
        IReadOnlyList<DeEntry> Genes(double delta) => Enumerable.Range(0, 25).Select(i => Gene($"g{i:00}", delta, fdr: i / 100.0)).ToList();
        var real = new Dictionary<string, IReadOnlyList<DeEntry>>
        {
            ["A+ctrl"] = Genes(0.5), ["B+ctrl"] = Genes(-2.0), ["C+ctrl"] = Genes(0.1), ["D+ctrl"] = Genes(1.0), ["E+ctrl"] = Genes(-0.9),
        };
        // The second model predicts only B, and lacks g03 there.
        var predicted = new List<IReadOnlyDictionary<string, IReadOnlyList<DeEntry>>>
        {
            real,
            new Dictionary<string, IReadOnlyList<DeEntry>> { ["B+ctrl"] = Genes(-1.0).Where(g => g.Gene != "g03").ToList() },
        };
        var panels = DeltaFigure.Panels(real, predicted);
        // |Δ| ranks B (2.0), D (1.0), E (0.9), A (0.5), C (0.1): strongest B, median (index 2) E, weakest C.
        Assert.Equal(["B+ctrl", "E+ctrl", "C+ctrl"], panels.Select(p => p.Perturbation));
        Assert.All(panels, p => Assert.Equal(Enumerable.Range(0, DeltaFigure.TopGenes).Select(i => $"g{i:00}"), p.Genes));
        Assert.All(panels[0].Observed, d => Assert.Equal(-2.0, d, 12));
        Assert.Equal(-1.0, panels[0].Predicted[1][0], 12);   // the second model's own table
        Assert.True(double.IsNaN(panels[0].Predicted[1][3]));
        Assert.All(panels[1].Predicted[1], d => Assert.True(double.IsNaN(d)));

        var png = DeltaFigure.Render(["a", "b"], panels);
        // Three 520 px square panels in a row, under the title and the one-row key shared by the panels.
        var (width, height) = PngHeader.Size(png);
        Assert.Equal(3 * 520, width);
        Assert.InRange(height - (FigureStyle.TitleHeight + 520), 10, 80);
        Assert.Equal(png, DeltaFigure.Render(["a", "b"], DeltaFigure.Panels(real, predicted)));
    }

    [Fact]
    public void Should_rank_genes_by_fdr_then_by_absolute_fold_change_then_by_name()
    {
        var rows = new List<DeEntry> { Gene("z", 1, 0.01, lfc: 0.5), Gene("y", 1, 0.01, lfc: -3), Gene("x", 1, double.NaN, lfc: 9), Gene("w", 1, 0.01, lfc: 0.5) };
        var panel = DeltaFigure.Panels(new Dictionary<string, IReadOnlyList<DeEntry>> { ["p"] = rows }, []).Single();
        Assert.Equal(["y", "w", "z", "x"], panel.Genes);   // NaN FDR last
        Assert.Equal("strongest observed response", panel.Why);
    }

    [Fact]
    public void Should_group_f1_bars_by_class_with_the_mean_over_seeds()
    {
        ClassMetrics S(string label, double f1, int support) => new(label, 0, 0, f1, support);
        // The first model has two seeds, the second one seed and no "B cell" row.
        IReadOnlyList<IReadOnlyList<IReadOnlyList<ClassMetrics>>> scores =
        [
            [[S("B cell", 0.5, 10), S("T cell", 1.0, 30)], [S("B cell", 0.7, 10), S("T cell", 0.8, 30)]],
            [[S("T cell", 0.25, 30), S("NK", 0.5, 5)]],
        ];
        var groups = ClassF1Figure.Groups(scores);
        Assert.Equal(["B cell", "T cell", "NK"], groups.Select(g => g.Label));
        Assert.Equal(0.6, groups[0].F1[0]!.Value, 12);   // (0.5 + 0.7) / 2
        Assert.Null(groups[0].F1[1]);                    // the second model never predicted a B cell row
        Assert.Equal(0.9, groups[1].F1[0]!.Value, 12);
        Assert.Equal([10L, 30, 5], groups.Select(g => g.Support));
        var png = ClassF1Figure.Render(["m1", "m2"], groups);
        // One bar row of 14 + 12 px per model for each of the 3 cell types, under the title and the one-row model key.
        var (width, height) = PngHeader.Size(png);
        Assert.InRange(height - (FigureStyle.TitleHeight + 110 + 3 * (14 + 12 * 2)), 10, 80);
        Assert.True(width >= 560 + 7 * ("B cell".Length + 8), $"{width} px leaves no room for the longest label");
        Assert.Equal(png, ClassF1Figure.Render(["m1", "m2"], ClassF1Figure.Groups(scores)));
    }

    [Fact]
    public void Should_sum_confusion_cells_over_seeds_on_the_evaluated_labels()
    {
        string[] labels = ["B", "NK", "T"];
        var m = ConfusionMatrix.Of("m", labels, [("B", "B", 3), ("B", "T", 1), ("T", "T", 5), ("B", "B", 2)]);
        Assert.Equal([5L, 0, 1], m.Counts[0]);
        Assert.Equal([0L, 0, 0], m.Counts[1]);   // no NK cell: an empty row, drawn as NaN
        Assert.Equal(11, m.Total);
        var e = Assert.Throws<Foundation.Errors.ScReproException>(() => ConfusionMatrix.Of("m", labels, [("B", "Mono", 1)]));
        Assert.Contains("'Mono'", e.Message);
        var png = ConfusionFigure.Render(m);
        // 3 classes: the 420 px minimum square, plus the colour bar and the labels (sized by the longest, "NK").
        Assert.Equal((420 + 200 + 7 * 2, 420 + 120 + 5 * 2), PngHeader.Size(png));
        Assert.Equal(png, ConfusionFigure.Render(ConfusionMatrix.Of("m", labels, [("B", "B", 3), ("B", "T", 1), ("T", "T", 5), ("B", "B", 2)])));
    }

    // Model facts the curve does not read.
    private sealed record NoModel : ModelDetails;

    private static FineTuneDetails FineTune(int? best) => new(EpochsTrained: 5, MaxEpochs: 5, GradientSteps: 10, Hardware: "CPU",
        SelectionMetric: "pearson_delta", EarlyStoppingMetric: "pearson_delta", Patience: 3, BestValValue: 0.40, BestValEpoch: best,
        ValHistory: [0.14, 0.34, 0.40, 0.36, 0.39], TrainLossHistory: [0.86, 0.46, 0.41, 0.34, 0.30],
        Model: new NoModel { Precision = "float32", AmpRequested = false }) { CellsSeen = 100 };

    [Fact]
    public void Should_read_the_epoch_log_from_training_stats_and_none_from_a_closed_form_fit()
    {
        // The shape the scGPT trainer writes (demo run, seed 0, rounded): 5 epochs, best_val_epoch 1-based.
        var curve = EpochCurve.From(0, FineTune(best: 3))!;
        Assert.Equal("pearson_delta", curve.Metric);
        Assert.Equal(3, curve.BestEpoch);
        Assert.Equal([0.14, 0.34, 0.40, 0.36, 0.39], curve.Validation);
        Assert.Equal(5, curve.Loss.Count);
        // (Read from a real training_stats.json by the Card stage: DemoPipelineTests checks the scGPT card's curve.)
        Assert.Null(EpochCurve.From(0, new ClosedFormDetails(30, 21) { CellsSeen = 10 }));
        // A best epoch outside the log is not marked (the card must not point at an epoch it does not show).
        Assert.Null(EpochCurve.From(0, FineTune(best: 6))!.BestEpoch);
        Assert.Null(EpochCurve.Of(0, "m", [], [], null));

        var link = TrainingCurveFigure.Link([curve]);
        Assert.Contains("best validation epoch (seed 0: epoch 3)", link.Caption);
        var png = TrainingCurveFigure.Render([curve]);
        // Two 620 × 440 panels side by side, under the title and the one-row key.
        var (width, height) = PngHeader.Size(png);
        Assert.Equal(2 * 620, width);
        Assert.InRange(height - (FigureStyle.TitleHeight + 440), 10, 80);
        Assert.Equal(png, TrainingCurveFigure.Render([EpochCurve.From(0, FineTune(best: 3))!]));
    }
}
