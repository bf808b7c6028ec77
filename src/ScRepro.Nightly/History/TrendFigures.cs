using ScRepro.Cards.Figures;
using ScRepro.Nightly.Golden;
using ScRepro.Nightly.Report;
using ScRepro.Verification.Tolerances;
using ScottPlot;

namespace ScRepro.Nightly.History;

/// <summary>
/// One PNG per experiment × headline metric, trend-&lt;experiment&gt;-&lt;metric&gt;.png in the nightly folder: each
/// model's seed-mean over the kept history (x = night, labelled by date), its golden value's reproduced band shaded in
/// the model's colour, and nights outside that band marked with a cross. Fixed size, colours and order, and the
/// shared <see cref="FigureStyle"/> (pinned font, fixed PNG encoding), so the same history gives the same bytes.
/// </summary>
public static class TrendFigures
{
    public const int Width = 900;
    public const int Height = 420;

    /// <summary>Writes the figures; returns their file names (relative to <paramref name="folder"/>) in a fixed order.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<HistoryRow> history, IReadOnlyList<ExperimentDrift> experiments,
        string goldenDir, ToleranceModel tolerances)
    {
        var written = new List<string>();
        foreach (var e in experiments.Where(x => x.Skipped is null))
        {
            foreach (var metric in e.HeadlineMetrics)
            {
                var rows = history.Where(r => r.Experiment == e.Experiment && r.Metric == metric).ToList();
                if (rows.Count == 0) continue;
                var name = $"trend-{e.Experiment}-{metric}.png";
                Plot(rows, e, metric, goldenDir, tolerances, Path.Combine(folder, name));
                written.Add(name);
            }
        }
        return written;
    }

    private static void Plot(List<HistoryRow> rows, ExperimentDrift e, string metric, string goldenDir, ToleranceModel tolerances, string path)
    {
        var nights = rows.Select(r => r.Date).Distinct().Order(StringComparer.Ordinal).ToList();
        var x = nights.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => (double)p.i, StringComparer.Ordinal);
        var plot = FigureStyle.NewPlot();
        var bands = tolerances.Bands(e.Profile, metric);
        var models = rows.Select(r => r.Model).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var (model, i) in models.Select((m, i) => (m, i)))
        {
            var color = FigureStyle.ColorFor(i);
            var points = rows.Where(r => r.Model == model && r.Value is { } v && double.IsFinite(v)).OrderBy(r => r.Date, StringComparer.Ordinal).ToList();
            var goldenPath = NightlyPaths.Golden(goldenDir, e.Experiment, model);
            double? golden = File.Exists(goldenPath) ? SeedMean(ModelResult.Read(goldenPath), metric) : null;
            double within = double.PositiveInfinity;
            if (golden is { } g)
            {
                within = bands.Reproduced.Threshold(g);
                var band = plot.Add.Rectangle(-0.5, nights.Count - 0.5, g - within, g + within);
                band.FillStyle.Color = color.WithAlpha(0.15);
                band.LineStyle.Width = 0;
            }
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => x[p.Date]).ToArray(), points.Select(p => p.Value!.Value).ToArray(), color);
            line.LegendText = model;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            foreach (var p in points.Where(p => golden is { } g && Math.Abs(p.Value!.Value - g) > within))
            {
                var marker = plot.Add.Marker(x[p.Date], p.Value!.Value, MarkerShape.Cross, 14, Colors.Red);
                marker.LegendText = "";
            }
        }
        plot.Title($"{e.Experiment}: {metric} (seed-mean; shaded: golden ± reproduced band, {e.Profile})");
        plot.YLabel(metric);
        plot.XLabel("night");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var step = Math.Max(1, nights.Count / 8);
        for (var i = 0; i < nights.Count; i += step) ticks.AddMajor(i, nights[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.5, nights.Count - 0.5);
        plot.ShowLegend(Alignment.UpperLeft);
        FigureStyle.Write(path, FigureStyle.Png(plot, Width, Height));
    }

    private static double? SeedMean(ModelResult r, string metric)
    {
        var values = r.Seeds.Values.Select(s => s.Metrics.TryGetValue(metric, out var m) ? m.Mean : null).ToList();
        return values.Count > 0 && values.All(v => v is { } x && double.IsFinite(x)) ? values.Average() : null;
    }
}
