using ScottPlot;
using ScRepro.Contracts;

namespace ScRepro.Cards.Figures;

/// <summary>
/// distribution.png on a perturbation comparison page: one panel per headline metric that cell-eval reports per test
/// perturbation, a horizontal box per model over the test perturbations with every perturbation drawn as a dot.
/// </summary>
public static class MetricDistributionFigure
{
    public const string FileName = "distribution.png";
    private const int PanelWidth = 720;
    private const int Columns = 2;

    /// <param name="models">Model ids, in the page's column order.</param>
    /// <param name="metrics">Headline metrics, in the page's row order.</param>
    /// <param name="perItem">Per model, per metric, one value per test perturbation (the mean over seeds).</param>
    /// <param name="directions">Which way each metric improves (summary.json's direction); a metric not named has none.</param>
    public static IReadOnlyList<DistributionPanel> Panels(IReadOnlyList<string> models, IReadOnlyList<string> metrics,
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>> perItem, IReadOnlyDictionary<string, MetricDirection> directions) =>
        metrics.Where(metric => perItem.Any(p => p.ContainsKey(metric)))
            .Select(metric => new DistributionPanel(metric, directions.GetValueOrDefault(metric, MetricDirection.None),
                perItem.Max(p => p.TryGetValue(metric, out var v) ? v.Count : 0),
                models.Select((model, k) => perItem[k].TryGetValue(metric, out var values) ? BoxStats.Of(model, values) : null).ToList()))
            .ToList();

    public static FigureLink Link(int seeds) => new(FileName,
        "Box and strip plots: each headline metric's value per test perturbation, one box per model",
        "Per test perturbation (one dot each" + (seeds > 1 ? $", the mean over {seeds} seeds" : "") + "), each headline metric "
        + "cell-eval reports per perturbation: box = quartiles with the median line (the table's IQR), whiskers = the furthest "
        + "values within 1.5 IQR; NaN values are left out and counted beside the model's name.");

    public static byte[] Render(IReadOnlyList<string> models, IReadOnlyList<DistributionPanel> panels)
    {
        if (panels.Count == 0)
            return FigureStyle.Png(PanelText.Empty("no headline metric is reported per test perturbation"), PanelWidth, 200);
        var height = 150 + 42 * models.Count;
        return FigureStyle.Grid(panels.Select(p => Panel(models, p)).ToList(), Columns, PanelWidth, height,
            "Headline metrics per test perturbation");
    }

    private static Plot Panel(IReadOnlyList<string> models, DistributionPanel panel)
    {
        var plot = FigureStyle.NewPlot();
        var better = panel.Direction switch
        {
            MetricDirection.LowerIsBetter => "lower is better",
            MetricDirection.HigherIsBetter => "higher is better",
            _ => "no better direction",
        };
        PanelText.Label(plot, panel.Metric, $"value per test perturbation ({better})", "");
        var labels = new string[models.Count];
        for (var k = 0; k < models.Count; k++)
        {
            // The first model on top, as it is the first column of the table.
            var y = models.Count - 1 - k;
            var box = panel.Boxes[k];
            labels[k] = box is null ? $"{models[k]} (no values)" : box.NaNCount > 0 ? $"{models[k]} ({box.NaNCount} NaN)" : models[k];
            if (box is null) continue;
            Draw(plot, box, y, FigureStyle.ColorFor(k));
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, models.Count).Select(k => (double)(models.Count - 1 - k)).ToArray(), labels);
        plot.Axes.SetLimitsY(-0.6, models.Count - 0.4);
        return plot;
    }

    private static void Draw(Plot plot, BoxStats box, double y, Color color)
    {
        const double half = 0.3;
        plot.Add.Line(box.WhiskerLow, y, box.Q1, y).Color = Colors.Black;
        plot.Add.Line(box.Q3, y, box.WhiskerHigh, y).Color = Colors.Black;
        plot.Add.Line(box.WhiskerLow, y - half / 2, box.WhiskerLow, y + half / 2).Color = Colors.Black;
        plot.Add.Line(box.WhiskerHigh, y - half / 2, box.WhiskerHigh, y + half / 2).Color = Colors.Black;
        var rect = plot.Add.Rectangle(box.Q1, box.Q3, y - half, y + half);
        rect.FillColor = color.WithAlpha(0.35);
        rect.LineColor = color;
        rect.LineWidth = 1.5f;
        var median = plot.Add.Line(box.Median, y - half, box.Median, y + half);
        median.Color = color.Darken(0.4);
        median.LineWidth = 3;
        // Deterministic jitter (golden-ratio steps), so overlapping values stay visible and the picture is stable.
        var ys = box.Points.Select((_, i) => y + (i * 0.6180339887498949 % 1.0 - 0.5) * 0.5).ToArray();
        plot.Add.Markers(box.Points.ToArray(), ys, MarkerShape.FilledCircle, 5, Colors.Black.WithAlpha(0.55));
    }
}
