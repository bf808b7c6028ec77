using ScRepro.Contracts;

namespace ScRepro.Cards;

/// <summary>
/// The comparison table's rows: per metric and model the mean over seeds, its 95% CI when there are several seeds,
/// or the median and IQR over test items when there is one seed and per-item values (perturbation experiments);
/// the best model is marked only when its interval is apart from every other model's, else the row names the tie.
/// </summary>
public static class ComparisonBuilder
{
    /// <param name="models">Model ids, in column order.</param>
    /// <param name="metrics">Metric names, in row order.</param>
    /// <param name="summaries">Per model, one summary per seed.</param>
    /// <param name="perItem">Per model, per metric, the values over test items (one seed only); null when there are none.</param>
    public static IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<string> models, IReadOnlyList<string> metrics,
        IReadOnlyList<IReadOnlyList<EvalSummary>> summaries, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>>? perItem) =>
        metrics.Select(name =>
        {
            var cells = models.Select((model, k) => Cell(model, name, summaries[k], perItem?[k])).ToList();
            var direction = LowerIsBetter(summaries.SelectMany(seeds => seeds).SelectMany(s => s.Metrics).FirstOrDefault(m => m.Name == name)?.Direction);
            var (best, apart, tied) = ComparisonStatistics.Best(cells.Select(c => (c.Mean, c.Low ?? c.Q1, c.High ?? c.Q3)).ToList(), direction);
            var verdict = direction is null ? "n/a (no direction)"
                : best is null ? "n/a (no values)"
                : apart ? models[best.Value]
                : $"tie: {string.Join(", ", new[] { best.Value }.Concat(tied).Order().Select(i => models[i]))}";
            return new ComparisonRow(name, direction is null ? "n/a" : direction.Value ? "lower" : "higher",
                cells.Select((c, k) => c with { Best = apart && best == k }).ToList(), verdict);
        }).ToList();

    // The evaluators stamp each metric's direction on the summary; the statistics want "lower is better", null for neither.
    private static bool? LowerIsBetter(MetricDirection? direction) => direction switch
    {
        MetricDirection.LowerIsBetter => true,
        MetricDirection.HigherIsBetter => false,
        _ => null,
    };

    private static ComparisonCell Cell(string model, string metric, IReadOnlyList<EvalSummary> seeds,
        IReadOnlyDictionary<string, IReadOnlyList<double>>? items)
    {
        var means = seeds.Select(s => (s.Metrics.FirstOrDefault(m => m.Name == metric)
            ?? throw new Foundation.Errors.ScReproException($"comparison: metric '{metric}' missing from the evaluation of {model} seed {s.Seed}")).Mean)
            .Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).ToList();
        double? mean = means.Count == 0 ? null : means.Average();
        var ci = ComparisonStatistics.MeanCi(means);
        var q = seeds.Count == 1 && items is not null && items.TryGetValue(metric, out var values) ? ComparisonStatistics.Quartiles(values) : null;
        return new ComparisonCell(mean, seeds.Count, ci?.Low, ci?.High, q?.Q1, q?.Median, q?.Q3, Best: false);
    }
}
