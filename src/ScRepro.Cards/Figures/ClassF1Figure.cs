using ScRepro.Evaluation.Annotation;
using ScottPlot;

namespace ScRepro.Cards.Figures;

/// <summary>
/// per-class-f1.png on an annotation comparison page: a group of bars per cell type (in the evaluation's label order),
/// one bar per model, F1 as sklearn's classification report gives it.
/// </summary>
public static class ClassF1Figure
{
    public const string FileName = "per-class-f1.png";

    /// <param name="scores">Per model, per seed, the rows of per_class.csv.</param>
    public static IReadOnlyList<ClassF1Group> Groups(IReadOnlyList<IReadOnlyList<IReadOnlyList<ClassMetrics>>> scores)
    {
        var labels = new List<string>();
        foreach (var row in scores.SelectMany(m => m).SelectMany(s => s))
            if (!labels.Contains(row.Label, StringComparer.Ordinal)) labels.Add(row.Label);
        return labels.Select(label =>
        {
            var rows = scores.Select(m => m.SelectMany(s => s).Where(r => r.Label == label).ToList()).ToList();
            var support = rows.SelectMany(r => r).Select(r => r.Support).DefaultIfEmpty(0).Max();
            return new ClassF1Group(label, support, rows.Select(r => r.Count == 0 ? (double?)null : r.Average(x => x.F1)).ToList());
        }).ToList();
    }

    public static FigureLink Link(int seeds) => new(FileName,
        "Grouped bar chart: F1 score per cell type, one bar per model",
        "F1 per cell type (sklearn's classification report" + (seeds > 1 ? $", the mean over {seeds} seeds" : "")
        + "), one bar per model; n beside each cell type is its number of test cells.");

    /// <summary>Horizontal bars, the cell types top to bottom with their names and test counts on the left, the model key above.</summary>
    public static byte[] Render(IReadOnlyList<string> models, IReadOnlyList<ClassF1Group> groups)
    {
        if (groups.Count == 0) return FigureStyle.Png(PanelText.Empty("no per-class scores"), 700, 200);
        var plot = FigureStyle.NewPlot();
        PanelText.Label(plot, "", "F1", "");
        var height = 0.8 / models.Count;
        for (var k = 0; k < models.Count; k++)
        {
            // The first cell type on top, and within a group the first model on top.
            var bars = groups.Select((g, i) => g.F1[k] is { } f1
                ? new Bar
                {
                    Position = groups.Count - 1 - i + 0.4 - height * (k + 0.5), Value = f1, Size = height * 0.9,
                    FillColor = FigureStyle.ColorFor(k), LineWidth = 0, Orientation = Orientation.Horizontal,
                }
                : null).Where(b => b is not null).Select(b => b!).ToList();
            if (bars.Count > 0) plot.Add.Bars(bars);
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, groups.Count).Select(i => (double)(groups.Count - 1 - i)).ToArray(),
            groups.Select(g => $"{g.Label} (n={g.Support})").ToArray());
        plot.Axes.SetLimits(0, 1.02, -0.55, groups.Count - 0.45);
        var key = FigureStyle.NewPlot();
        key.Legend.FontSize = PanelText.Axis;
        for (var k = 0; k < models.Count; k++)
            key.Legend.ManualItems.Add(new LegendItem { LabelText = models[k], FillColor = FigureStyle.ColorFor(k) });
        var labelWidth = 7 * groups.Max(g => g.Label.Length + 8);
        return FigureStyle.Grid([plot], 1, 560 + labelWidth, 110 + groups.Count * (14 + 12 * models.Count), "F1 per cell type", key);
    }
}
