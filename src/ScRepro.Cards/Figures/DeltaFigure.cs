using ScottPlot;

namespace ScRepro.Cards.Figures;

/// <summary>
/// delta.png on a perturbation comparison page: predicted against observed change from control for the top DE genes
/// of a few test perturbations, one panel each, a colour per model, the diagonal where a prediction is exact.
/// Chosen deterministically: per test perturbation its <see cref="TopGenes"/> genes of lowest FDR in the real DE
/// table (ties: larger |log2 fold change|, then gene name); the perturbations ranked by the mean |observed change| over
/// those genes (ties: name), and the strongest, the median and the weakest shown.
/// </summary>
public static class DeltaFigure
{
    public const string FileName = "delta.png";
    public const int TopGenes = 20;
    private const int PanelSize = 520;

    /// <param name="real">The real DE table (any model's: it is computed from the real cells), by perturbation.</param>
    /// <param name="predicted">Per model, its predicted DE table by perturbation.</param>
    public static IReadOnlyList<DeltaPanel> Panels(IReadOnlyDictionary<string, IReadOnlyList<DeEntry>> real,
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<DeEntry>>> predicted)
    {
        var ranked = real.Select(kv => (Perturbation: kv.Key, Genes: Top(kv.Value)))
            .Where(p => p.Genes.Count > 0)
            .Select(p => (p.Perturbation, p.Genes, Strength: p.Genes.Average(g => Math.Abs(g.Delta))))
            .OrderByDescending(p => p.Strength).ThenBy(p => p.Perturbation, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0) return [];
        var picks = new List<(int Index, string Why)> { (0, "strongest observed response") };
        if (ranked.Count > 2) picks.Add(((ranked.Count - 1) / 2, "median observed response"));
        if (ranked.Count > 1) picks.Add((ranked.Count - 1, "weakest observed response"));
        return picks.Select(pick =>
        {
            var (perturbation, genes, _) = ranked[pick.Index];
            var names = genes.Select(g => g.Gene).ToList();
            var preds = predicted.Select(table =>
            {
                var byGene = table.TryGetValue(perturbation, out var rows)
                    ? rows.GroupBy(r => r.Gene, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Delta, StringComparer.Ordinal)
                    : new Dictionary<string, double>(StringComparer.Ordinal);
                return (IReadOnlyList<double>)names.Select(n => byGene.TryGetValue(n, out var d) ? d : double.NaN).ToList();
            }).ToList();
            return new DeltaPanel(perturbation, pick.Why, names, genes.Select(g => g.Delta).ToList(), preds);
        }).ToList();
    }

    private static List<DeEntry> Top(IReadOnlyList<DeEntry> rows) =>
        rows.Where(r => double.IsFinite(r.Delta))
            .OrderBy(r => double.IsNaN(r.Fdr) ? double.PositiveInfinity : r.Fdr)
            .ThenByDescending(r => double.IsNaN(r.Log2FoldChange) ? 0 : Math.Abs(r.Log2FoldChange))
            .ThenBy(r => r.Gene, StringComparer.Ordinal)
            .Take(TopGenes).ToList();

    public static FigureLink Link(long seed) => new(FileName,
        "Scatter plots of predicted against observed change from control for the top DE genes of three test perturbations",
        $"Predicted vs observed change from control in mean log1p expression (from cell-eval's DE tables, seed {seed}) for the "
        + $"{TopGenes} genes of lowest FDR in the real DE table of each shown perturbation; points on the diagonal are exact. "
        + "Shown: the test perturbations with the strongest, the median and the weakest mean |observed change| over those genes "
        + "(ties broken by name).");

    public static byte[] Render(IReadOnlyList<string> models, IReadOnlyList<DeltaPanel> panels) =>
        panels.Count == 0
            ? FigureStyle.Png(PanelText.Empty("no test perturbation has DE genes"), PanelSize, 200)
            : FigureStyle.Grid(panels.Select(p => Panel(models, p)).ToList(), 3, PanelSize, PanelSize,
                $"Predicted vs observed change from control, top {TopGenes} DE genes", Legend(models));

    /// <summary>The key shared by the panels: a colour per model and the diagonal.</summary>
    private static Plot Legend(IReadOnlyList<string> models)
    {
        var plot = FigureStyle.NewPlot();
        plot.Legend.FontSize = PanelText.Axis;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "exact (y = x)", LineColor = Colors.Gray, LinePattern = LinePattern.Dashed, LineWidth = 1.5f });
        for (var k = 0; k < models.Count; k++)
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = models[k],
                MarkerShape = MarkerShape.FilledCircle, MarkerSize = 9, MarkerFillColor = FigureStyle.ColorFor(k), MarkerLineColor = FigureStyle.ColorFor(k),
            });
        return plot;
    }

    private static Plot Panel(IReadOnlyList<string> models, DeltaPanel panel)
    {
        var plot = FigureStyle.NewPlot();
        PanelText.Label(plot, $"{panel.Perturbation} ({panel.Why})", "observed Δ mean log1p expression", "predicted Δ mean log1p expression");
        plot.Axes.Title.Label.FontSize = PanelText.Axis;
        var all = panel.Observed.Concat(panel.Predicted.SelectMany(p => p)).Where(double.IsFinite).ToList();
        var (lo, hi) = all.Count == 0 ? (-1.0, 1.0) : (all.Min(), all.Max());
        var pad = Math.Max((hi - lo) * 0.06, 1e-6);
        var diagonal = plot.Add.Line(lo - pad, lo - pad, hi + pad, hi + pad);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        for (var k = 0; k < models.Count; k++)
        {
            var keep = Enumerable.Range(0, panel.Genes.Count).Where(i => double.IsFinite(panel.Predicted[k][i])).ToList();
            plot.Add.Markers(keep.Select(i => panel.Observed[i]).ToArray(), keep.Select(i => panel.Predicted[k][i]).ToArray(),
                MarkerShape.FilledCircle, 7, FigureStyle.ColorFor(k).WithAlpha(0.8));
        }
        plot.Axes.SetLimits(lo - pad, hi + pad, lo - pad, hi + pad);
        return plot;
    }
}
