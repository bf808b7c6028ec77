using ScRepro.Evaluation.Perturbation.De;
using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// pr_auc and roc_auc per target (cell-eval ≥ 0.7.0 metrics/_de.py compute_generic_auc): labels are real fdr &lt; 0.05 over
/// all genes; the score is −log10(clip(pred fdr, 1e-10, 1)) in float32; NaN when every label is the same.
/// </summary>
internal static class DeClassificationAuc
{
    public static IEnumerable<MetricRow> Compute(DeComparison de)
    {
        var pr = new MetricRow[de.Targets.Length];
        var roc = new MetricRow[de.Targets.Length];
        for (var i = 0; i < de.Targets.Length; i++)
        {
            var labels = de.Real[i].Significant;
            var positives = labels.Count(l => l);
            double ap = double.NaN, auc = double.NaN;
            if (labels.Length > 0 && positives > 0 && positives < labels.Length)
            {
                var fdr = de.Pred[i].Fdr;
                var scores = new float[fdr.Length];
                for (var g = 0; g < fdr.Length; g++)
                    scores[g] = -MathF.Log10(Math.Clamp(fdr[g], 1e-10f, 1f));
                (ap, auc) = BinaryClassificationCurves.Compute(labels, scores);
            }
            pr[i] = new MetricRow(de.Targets[i], "pr_auc", ap);
            roc[i] = new MetricRow(de.Targets[i], "roc_auc", auc);
        }
        return pr.Concat(roc);
    }
}
