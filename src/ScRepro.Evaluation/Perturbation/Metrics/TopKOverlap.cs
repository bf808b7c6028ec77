using ScRepro.Evaluation.Perturbation.Catalogue;
using ScRepro.Evaluation.Perturbation.De;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// overlap_at_{N,50,100,200,500} and precision_at_{…} (cell-eval metrics/_de.py de_overlap_metric, _types/_de.py
/// compute_overlap): |top_k'(real sig) ∩ top_k'(pred sig)| / k', with k' = min(k, n_real_sig) for overlap and
/// min(k, n_pred_sig) for precision (k = N takes the count itself); 0 when k' = 0 or when either side has no
/// significant gene at all.
/// </summary>
internal static class TopKOverlap
{
    public static IEnumerable<MetricRow> Compute(DeComparison de)
    {
        var anyReal = de.Real.Any(s => s.RankedSignificant.Length > 0);
        var anyPred = de.Pred.Any(s => s.RankedSignificant.Length > 0);
        foreach (var family in new[] { "overlap", "precision" })
        {
            foreach (var k in MetricCatalogue.TopK)
            {
                var name = MetricCatalogue.TopKName(family, k);
                for (var i = 0; i < de.Targets.Length; i++)
                {
                    double value = 0.0;
                    if (anyReal && anyPred)
                    {
                        var real = de.Real[i].RankedSignificant;
                        var pred = de.Pred[i].RankedSignificant;
                        var baseCount = family == "overlap" ? real.Length : pred.Length;
                        var kEff = k is { } kk ? Math.Min(kk, baseCount) : baseCount;
                        value = kEff == 0 ? 0.0 : Intersect(real, pred, kEff) / (double)kEff;
                    }
                    yield return new MetricRow(de.Targets[i], name, value);
                }
            }
        }
    }

    private static int Intersect(int[] real, int[] pred, int k)
    {
        var set = new HashSet<int>(real.Take(k));
        var count = 0;
        foreach (var g in pred.Take(k)) if (set.Contains(g)) count++;
        return count;
    }
}
