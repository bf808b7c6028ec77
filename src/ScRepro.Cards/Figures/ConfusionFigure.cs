using ScottPlot;

namespace ScRepro.Cards.Figures;

/// <summary>
/// confusion-&lt;model&gt;.png on an annotation comparison page: the confusion matrix as a heatmap of the fraction of
/// each true class (rows) given each predicted class (columns), with the cell counts written in.
/// </summary>
public static class ConfusionFigure
{
    /// <summary>Model ids are <c>[a-z0-9][a-z0-9_-]*</c> (the manifest reader enforces it), safe in a file name.</summary>
    public static string FileName(string model) => $"confusion-{model}.png";

    /// <summary>Cell counts are written in only up to this many classes; beyond it they would not fit.</summary>
    public const int CountsUpTo = 25;

    public static FigureLink Link(string model, int seeds) => new(FileName(model),
        $"Heatmap: confusion matrix of {model}, true cell type by row, predicted by column",
        $"Confusion matrix of `{model}` over the test cells" + (seeds > 1 ? $" (summed over {seeds} seeds)" : "")
        + ": colour = fraction of the true class (row) predicted as each class (column), number = cells.");

    public static byte[] Render(ConfusionMatrix m)
    {
        var n = m.Labels.Count;
        if (n == 0) return FigureStyle.Png(PanelText.Empty($"{m.Model}: no classes"), 600, 200);
        var fractions = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            var row = m.Counts[t].Sum();
            for (var p = 0; p < n; p++) fractions[t, p] = row == 0 ? double.NaN : (double)m.Counts[t][p] / row;
        }
        var plot = FigureStyle.NewPlot();
        PanelText.Label(plot, $"{m.Model}: {m.Total} test cells, shade = fraction of the true class", "predicted cell type", "true cell type");
        var heatmap = plot.Add.Heatmap(fractions);
        // Blues runs dark to light; reversed, an empty cell is white and a full row's cell dark.
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        // Cell (t, p) centred on x = p, y = n-1-t: the first class on the top row, as sklearn prints it.
        // The extent names the centres of the corner cells (the heatmap's cells are centred on it).
        heatmap.Extent = new CoordinateRect(0, n - 1, 0, n - 1);
        plot.Add.ColorBar(heatmap);
        if (n <= CountsUpTo)
            for (var t = 0; t < n; t++)
                for (var p = 0; p < n; p++)
                {
                    var text = plot.Add.Text(m.Counts[t][p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, n - 1 - t);
                    text.LabelFontSize = n > 12 ? 10 : 13;
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontColor = fractions[t, p] > 0.5 ? Colors.White : Colors.Black;
                }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. m.Labels]);
        plot.Axes.Left.SetTicks(positions.Select(i => n - 1 - i).ToArray(), [.. m.Labels]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        var longest = m.Labels.Max(l => l.Length);
        plot.Axes.Bottom.MinimumSize = 30 + 5 * longest;
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.HideGrid();
        var side = Math.Max(420, 36 * n);
        return FigureStyle.Png(plot, side + 200 + 7 * longest, side + 120 + 5 * longest);
    }
}
