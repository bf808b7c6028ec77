using ScRepro.Contracts;
using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.Evaluation;
using ScRepro.Evaluation.Perturbation;
using ScRepro.Evaluation.Perturbation.Papers;

namespace ScRepro.Pipeline.Evaluation;

/// <summary>
/// The Evaluate stage for perturbation experiments: the real cells of the test conditions and the control against
/// the model's predictions.h5ad, with cell-eval's full suite (results.csv, agg_results.csv, real_de.csv, pred_de.csv).
/// </summary>
public sealed class PerturbationEvaluatorAdapter : IEvaluator
{
    public ModelTask Task => ModelTask.Perturbation;

    public IReadOnlyList<string> Outputs { get; } = ["results.csv", "agg_results.csv", "real_de.csv", "pred_de.csv", "real_de.parquet", "pred_de.parquet"];

    public (IReadOnlyList<MetricStats> Metrics, IReadOnlyDictionary<string, string> Notes) Evaluate(EvalRequest request)
    {
        var exp = request.Context.Experiment;
        var pertCol = exp.Columns.Perturbation!;
        var control = exp.Columns.Control!;
        var keep = request.Split.Test.Append(control).ToHashSet(StringComparer.Ordinal);
        var labels = request.Data.Obs[pertCol];
        var rows = Enumerable.Range(0, request.Data.NObs).Where(i => labels.GetString(i) is { } l && keep.Contains(l)).ToArray();
        var real = Subset(request.Data, rows);
        var pred = AnnDataFile.Read(Path.Combine(request.TrainDir, "predictions.h5ad"));
        var options = new PerturbationEvalOptions
        {
            PertCol = pertCol,
            ControlPert = control,
            NumThreads = Environment.ProcessorCount,
            RealSource = "real (test conditions + control)",
            PredSource = "predictions.h5ad",
        };
        var evaluation = PerturbationEvaluator.Evaluate(real, pred, options);
        evaluation.WriteCsv(request.OutputDir);
        var metrics = evaluation.Aggregates.Select(a => new MetricStats(a.Metric, a.Mean, a.Median, a.Max, a.Count, a.NullCount,
            MetricDirections.Of(a.Metric) ?? MetricDirection.None)).ToList();
        metrics.AddRange(PaperMetrics(evaluation.Papers));
        var notes = new Dictionary<string, string>();
        if (evaluation.ClusteringAlgorithm is { } algorithm)
            notes["clustering_agreement"] = $"computed with {algorithm}; the one metric allowed to differ from cell-eval's value";
        return (metrics, notes);
    }

    /// <summary>
    /// The scGPT paper's pearson (all genes), pearson_delta and pearson_de_delta (top-20 DE genes) under its own
    /// averaging rule (NaN kept, perturbations with an all-zero true mean skipped), so cards can print "reported vs
    /// reproduced" on the paper's definition (Table 1: 0.459 ALL / 0.546 DE on Norman).
    /// </summary>
    private static IEnumerable<MetricStats> PaperMetrics(IReadOnlyList<PaperPearsonRow> rows)
    {
        foreach (var (name, column) in new (string, Func<PaperPearsonRow, double>)[]
                 {
                     ("scgpt_pearson", r => r.Pearson), ("scgpt_pearson_delta", r => r.PearsonDelta), ("scgpt_pearson_de_delta", r => r.PearsonDeDelta),
                 })
        {
            var kept = rows.Where(r => !r.TrueMeanAllZero).Select(column).ToList();
            var finite = kept.Where(v => !double.IsNaN(v)).Order().ToList();
            double? median = finite.Count == 0 ? null : finite.Count % 2 == 1 ? finite[finite.Count / 2] : (finite[finite.Count / 2 - 1] + finite[finite.Count / 2]) / 2;
            yield return new MetricStats(name, PaperPearsonMetrics.Headline(rows, column, PaperConvention.Scgpt), median,
                finite.Count == 0 ? null : finite[^1], kept.Count, kept.Count - finite.Count, MetricDirection.HigherIsBetter);
        }
    }

    private static AnnData.AnnotatedData Subset(AnnData.AnnotatedData data, int[] rows)
    {
        var x = data.X ?? throw new Foundation.Errors.ScReproException("the dataset has no X");
        var sub = new AnnData.AnnotatedData(x is AnnData.Matrices.CsrMatrix csr ? csr.SliceRows(rows) : x.ToDense(rows), data.Obs.Subset(rows), data.Var);
        // uns carries GEARS' rank_genes_groups_cov_all, the DE genes pearson_de_delta uses when present.
        foreach (var (k, v) in data.Uns) sub.Uns[k] = v;
        return sub;
    }
}
