using ScRepro.Evaluation.Perturbation.De;
using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// The DE metrics over each target's real significant genes (cell-eval metrics/_de.py): de_spearman_sig (global),
/// de_direction_match, de_spearman_lfc_sig, de_sig_genes_recall and the de_nsig_counts pair. Targets with no real
/// significant gene get null (absent in cell-eval's long table) for direction, lfc-Spearman and recall.
/// </summary>
internal static class SignificantGeneMetrics
{
    public static IEnumerable<MetricRow> Compute(DeComparison de)
    {
        // de_spearman_sig: left join from the targets with ≥1 real sig gene; a missing pred count is 0; 1.0 when none.
        var withReal = Enumerable.Range(0, de.Targets.Length).Where(i => de.Real[i].RankedSignificant.Length > 0).ToArray();
        var spearmanSig = withReal.Length == 0
            ? 1.0
            : Correlation.Spearman(
                withReal.Select(i => (double)de.Real[i].RankedSignificant.Length).ToArray(),
                withReal.Select(i => (double)de.Pred[i].RankedSignificant.Length).ToArray());
        foreach (var t in de.Targets) yield return new MetricRow(t, "de_spearman_sig", spearmanSig);

        for (var i = 0; i < de.Targets.Length; i++)
        {
            var real = de.Real[i];
            var pred = de.Pred[i];
            var sig = real.RankedSignificant.Order().ToArray(); // var order, as the join yields rows
            double? direction = null, lfcSpearman = null, recall = null;
            if (sig.Length > 0)
            {
                // Inner join with all pred rows: every feature is present, so the mean runs over all real sig genes.
                var same = sig.Count(g => Math.Sign(real.Lfc[g]) == Math.Sign(pred.Lfc[g]));
                direction = same / (double)sig.Length;
                lfcSpearman = Correlation.Spearman(
                    sig.Select(g => (double)real.Lfc[g]).ToArray(),
                    sig.Select(g => (double)pred.Lfc[g]).ToArray());
                recall = sig.Count(g => pred.Significant[g]) / (double)sig.Length;
            }
            yield return new MetricRow(de.Targets[i], "de_direction_match", direction);
            yield return new MetricRow(de.Targets[i], "de_spearman_lfc_sig", lfcSpearman);
            yield return new MetricRow(de.Targets[i], "de_sig_genes_recall", recall);
        }
        for (var i = 0; i < de.Targets.Length; i++)
        {
            yield return new MetricRow(de.Targets[i], "de_nsig_counts_real", de.Real[i].RankedSignificant.Length);
            yield return new MetricRow(de.Targets[i], "de_nsig_counts_pred", de.Pred[i].RankedSignificant.Length);
        }
    }
}
