using System.Numerics.Tensors;
using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// pearson_delta, mse, mae, mse_delta, mae_delta (cell-eval metrics/_anndata.py): on all genes, pred vs real pseudobulks
/// (mse/mae) or effects against each AnnData's own control mean (the *_delta forms and pearson_delta). NaN is kept.
/// </summary>
internal static class PseudobulkMetrics
{
    public static IEnumerable<MetricRow> Compute(PerturbationPair pair)
    {
        var rows = new List<MetricRow>[5];
        for (var m = 0; m < rows.Length; m++) rows[m] = new List<MetricRow>();
        foreach (var p in pair.Perturbations)
        {
            var realDelta = pair.Real.Delta(p, pair.Control);
            var predDelta = pair.Pred.Delta(p, pair.Control);
            var realMean = pair.Real.Mean(p);
            var predMean = pair.Pred.Mean(p);
            rows[0].Add(new MetricRow(p, "pearson_delta", Correlation.Pearson(predDelta, realDelta)));
            rows[1].Add(new MetricRow(p, "mse", MeanSquaredError(predMean, realMean)));
            rows[2].Add(new MetricRow(p, "mae", MeanAbsoluteError(predMean, realMean)));
            rows[3].Add(new MetricRow(p, "mse_delta", MeanSquaredError(predDelta, realDelta)));
            rows[4].Add(new MetricRow(p, "mae_delta", MeanAbsoluteError(predDelta, realDelta)));
        }
        return rows.SelectMany(r => r);
    }

    public static double MeanSquaredError(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var diff = new double[x.Length];
        TensorPrimitives.Subtract(x, y, diff);
        return TensorPrimitives.SumOfSquares<double>(diff) / x.Length;
    }

    public static double MeanAbsoluteError(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var diff = new double[x.Length];
        TensorPrimitives.Subtract(x, y, diff);
        return TensorPrimitives.SumOfMagnitudes<double>(diff) / x.Length;
    }
}
