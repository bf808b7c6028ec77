using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.Evaluation.Perturbation;

namespace ScRepro.Pipeline.Evaluation;

/// <summary>
/// The Evaluate stage for perturbation experiments: the real cells of the test conditions and the control against
/// the model's predictions.h5ad, with cell-eval's full suite (results.csv, agg_results.csv, real_de.csv, pred_de.csv).
/// </summary>
public sealed class PerturbationEvaluatorAdapter : IEvaluator
{
    public string Task => "perturbation";

    public IReadOnlyList<string> Outputs { get; } = ["results.csv", "agg_results.csv", "real_de.csv", "pred_de.csv"];

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
        var metrics = evaluation.Aggregates.Select(a => new MetricStats(a.Metric, a.Mean, a.Median, a.Max, a.Count, a.NullCount)).ToList();
        var notes = new Dictionary<string, string>();
        if (evaluation.ClusteringAlgorithm is { } algorithm)
            notes["clustering_agreement"] = $"computed with {algorithm}; the one metric allowed to differ from cell-eval's value";
        return (metrics, notes);
    }

    private static AnnData.AnnData Subset(AnnData.AnnData data, int[] rows)
    {
        var x = data.X ?? throw new Core.Errors.ScReproException("the dataset has no X");
        var sub = new AnnData.AnnData(x is AnnData.Matrices.CsrMatrix csr ? csr.SliceRows(rows) : x.ToDense(rows), data.Obs.Subset(rows), data.Var);
        return sub;
    }
}
