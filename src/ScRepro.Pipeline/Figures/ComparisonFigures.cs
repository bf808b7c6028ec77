using ScRepro.Cards.Figures;
using ScRepro.Contracts;
using ScRepro.Evaluation.Annotation;
using ScRepro.Pipeline.Stages;

namespace ScRepro.Pipeline.Figures;

/// <summary>
/// The comparison page's figures, from what the Evaluate stage wrote: for a perturbation experiment the headline
/// metrics per test perturbation (results.csv) and predicted vs observed change for top DE genes (real_de.csv,
/// pred_de.csv of the first seed); for an annotation experiment F1 per class (per_class.csv) and a confusion matrix
/// per model (confusion_matrix.csv). Names depend on the manifests only, so the stage can list them before it runs.
/// </summary>
public static class ComparisonFigures
{
    public static IReadOnlyList<string> Names(RunContext ctx) => ctx.Experiment.Task switch
    {
        ModelTask.Perturbation => [MetricDistributionFigure.FileName, DeltaFigure.FileName],
        ModelTask.Annotation => [ClassF1Figure.FileName, .. ctx.Catalog.Models.Select(m => ConfusionFigure.FileName(m.Id))],
        _ => [],
    };

    /// <summary>Writes the figures into <paramref name="dir"/>; returns their links in page order.</summary>
    /// <param name="perClass">An annotation experiment's per_class.csv rows, per model, per seed (null for perturbation).</param>
    public static IReadOnlyList<FigureLink> Write(RunContext ctx, IReadOnlyList<string> metrics,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<ClassMetrics>>>? perClass, string dir)
    {
        var exp = ctx.Experiment;
        var models = ctx.Catalog.Models.Select(m => m.Id).ToList();
        string Eval(string model, long seed, string file) => Path.Combine(EvaluateStage.UnitDir(ctx, model, seed), file);
        var links = new List<FigureLink>();
        void Add(FigureLink link, byte[] png)
        {
            FigureStyle.Write(Path.Combine(dir, link.Name), png);
            links.Add(link);
        }
        if (exp.Task == ModelTask.Perturbation)
        {
            var perItem = models.Select(m => MeanOverSeeds(exp.Seeds.Select(s => PerItemResults.Read(Eval(m, s, "results.csv"), metrics)).ToList(),
                Eval(m, exp.Seeds[0], "results.csv"))).ToList();
            var seed = exp.Seeds[0];
            var directions = EvaluateStage.ReadSummary(ctx, models[0], seed).Metrics
                .GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Direction, StringComparer.Ordinal);
            Add(MetricDistributionFigure.Link(exp.Seeds.Count),
                MetricDistributionFigure.Render(models, MetricDistributionFigure.Panels(models, metrics, perItem, directions)));
            var real = EvalTables.De(Eval(models[0], seed, "real_de.csv"));
            var predicted = models.Select(m => EvalTables.De(Eval(m, seed, "pred_de.csv"))).ToList();
            Add(DeltaFigure.Link(seed), DeltaFigure.Render(models, DeltaFigure.Panels(real, predicted)));
        }
        else if (exp.Task == ModelTask.Annotation)
        {
            var scores = perClass ?? throw new ArgumentNullException(nameof(perClass), "an annotation page's figures need its per-class rows");
            Add(ClassF1Figure.Link(exp.Seeds.Count), ClassF1Figure.Render(models, ClassF1Figure.Groups(scores)));
            for (var k = 0; k < models.Count; k++)
            {
                // The axes are the classes the evaluation reported (per_class.csv), in its order.
                var labels = scores[k].SelectMany(s => s).Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
                var cells = exp.Seeds.SelectMany(s => EvalTables.Confusion(Eval(models[k], s, "confusion_matrix.csv")));
                Add(ConfusionFigure.Link(models[k], exp.Seeds.Count), ConfusionFigure.Render(ConfusionMatrix.Of(models[k], labels, cells)));
            }
        }
        return links;
    }

    /// <summary>Per metric, the value per test perturbation averaged over seeds (every seed evaluates the same test set).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<double>> MeanOverSeeds(
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>> seeds, string firstFile) =>
        seeds[0].Keys.ToDictionary(metric => metric, metric =>
        {
            var columns = seeds.Select(s => s.TryGetValue(metric, out var v) ? v : []).ToList();
            if (columns.Any(c => c.Count != columns[0].Count))
                throw new Foundation.Errors.ScReproException($"{firstFile}: column '{metric}': seeds evaluated different numbers of test perturbations");
            return (IReadOnlyList<double>)Enumerable.Range(0, columns[0].Count).Select(i => columns.Average(c => c[i])).ToList();
        }, StringComparer.Ordinal);
}
