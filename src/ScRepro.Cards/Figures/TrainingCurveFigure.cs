using ScottPlot;

namespace ScRepro.Cards.Figures;

/// <summary>
/// training-curve.png on a trained model's card: the validation metric (left) and the training loss (right) after each
/// epoch, one line per seed, the best epoch (the one whose checkpoint the card reports) marked with a diamond and a
/// dashed line. Models fitted without epochs (closed-form baselines) get no figure.
/// </summary>
public static class TrainingCurveFigure
{
    public const string FileName = "training-curve.png";
    private const int PanelWidth = 620;
    private const int PanelHeight = 440;

    public static FigureLink Link(IReadOnlyList<EpochCurve> curves)
    {
        var metric = MetricName(curves);
        var best = curves.Where(c => c.BestEpoch is not null).Select(c => $"seed {c.Seed}: epoch {c.BestEpoch}").ToList();
        return new FigureLink(FileName,
            $"Line charts: validation {metric} and training loss per epoch" + (best.Count > 0 ? ", best epoch marked" : ""),
            $"Validation {metric} (left) and training loss (right) after each epoch, from training_stats.json"
            + (best.Count > 0 ? $"; the diamond and dashed line mark the best validation epoch ({string.Join(", ", best)})." : "; no best epoch was recorded."));
    }

    public static byte[] Render(IReadOnlyList<EpochCurve> curves)
    {
        var metric = MetricName(curves);
        var validation = Panel(curves, c => c.Validation, metric.StartsWith("val_", StringComparison.Ordinal) ? metric : $"validation {metric}", true);
        var loss = Panel(curves, c => c.Loss, "training loss", false);
        return FigureStyle.Grid([validation, loss], 2, PanelWidth, PanelHeight, "Training per epoch", Key(curves));
    }

    /// <summary>One key above both panels (a legend inside would cover a curve): the seeds' colours and the best-epoch marks.</summary>
    private static Plot Key(IReadOnlyList<EpochCurve> curves)
    {
        var key = FigureStyle.NewPlot();
        key.Legend.FontSize = PanelText.Axis;
        // One seed needs no colour key: the panel titles say what the line is.
        for (var k = 0; curves.Count > 1 && k < curves.Count; k++)
            key.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"seed {curves[k].Seed}", LineColor = FigureStyle.ColorFor(k), LineWidth = 2,
                MarkerShape = MarkerShape.FilledCircle, MarkerSize = 7, MarkerFillColor = FigureStyle.ColorFor(k), MarkerLineColor = FigureStyle.ColorFor(k),
            });
        var best = curves.Where(c => c.BestEpoch is not null).ToList();
        if (best.Count > 0)
        {
            key.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = curves.Count == 1 ? $"best epoch ({best[0].BestEpoch})" : "best epoch", LineColor = Colors.Gray, LineWidth = 1.5f,
                LinePattern = LinePattern.Dashed,
            });
            key.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "best validation value", MarkerShape = MarkerShape.FilledDiamond, MarkerSize = 12,
                MarkerFillColor = Colors.Black, MarkerLineColor = Colors.Black,
            });
        }
        else key.Legend.ManualItems.Add(new LegendItem { LabelText = "no best epoch recorded", LineColor = Colors.White });
        return key;
    }

    private static Plot Panel(IReadOnlyList<EpochCurve> curves, Func<EpochCurve, IReadOnlyList<double>> series, string label, bool markBest)
    {
        var plot = FigureStyle.NewPlot();
        PanelText.Label(plot, label, "epoch", label);
        var maxEpochs = 1;
        for (var k = 0; k < curves.Count; k++)
        {
            var c = curves[k];
            var values = series(c);
            if (values.Count == 0) continue;
            maxEpochs = Math.Max(maxEpochs, values.Count);
            var color = FigureStyle.ColorFor(k);
            var line = plot.Add.Scatter(Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray(), values.ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            if (c.BestEpoch is not { } best) continue;
            plot.Add.VerticalLine(best, 1.5f, color.WithAlpha(0.7), LinePattern.Dashed);
            if (markBest && double.IsFinite(values[best - 1]))
                plot.Add.Marker(best, values[best - 1], MarkerShape.FilledDiamond, 16, Colors.Black);
        }
        if (plot.GetPlottables().All(p => p is not ScottPlot.Plottables.Scatter)) return PanelText.Empty($"no {label} recorded");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(Math.Max(1, maxEpochs / 10));
        plot.Axes.SetLimitsX(0.5, maxEpochs + 0.5);
        return plot;
    }

    private static string MetricName(IReadOnlyList<EpochCurve> curves) =>
        string.Join(" / ", curves.Select(c => c.Metric ?? "metric").Distinct());
}
