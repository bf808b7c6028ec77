using ScRepro.Evaluation.Perturbation.De;
using ScRepro.Tables;

namespace ScRepro.Evaluation.Perturbation.Results;

/// <summary>
/// real_de.parquet and pred_de.parquet: the DE tables of real_de.csv / pred_de.csv with the same columns and rows,
/// typed (doubles bit-exact, memberships int64) for readers that would otherwise parse one text row per gene × target.
/// </summary>
public static class DeTableParquet
{
    public const string RealDeFile = "real_de.parquet";
    public const string PredDeFile = "pred_de.parquet";

    /// <summary>One row per (target, feature), targets in table order and features in var order, as the CSV.</summary>
    public static Table ToTable(DeTable table)
    {
        var n = table.Targets.Count * table.Features.Length;
        var target = new string?[n];
        var feature = new string?[n];
        var targetMembership = new long?[n];
        var refMembership = new long?[n];
        var targetMean = new double?[n];
        var refMean = new double?[n];
        var lfc = new double?[n];
        var percent = new double?[n];
        var p = new double?[n];
        var statistic = new double?[n];
        var fdr = new double?[n];
        var row = 0;
        foreach (var t in table.Targets)
        {
            for (var g = 0; g < table.Features.Length; g++, row++)
            {
                target[row] = t.Target;
                feature[row] = table.Features[g];
                targetMean[row] = t.TargetMean[g];
                refMean[row] = t.ReferenceMean[g];
                targetMembership[row] = t.TargetMembership;
                refMembership[row] = t.ReferenceMembership;
                lfc[row] = t.Log2FoldChange[g];
                percent[row] = t.PercentChange[g];
                p[row] = t.PValue[g];
                statistic[row] = t.Statistic[g];
                fdr[row] = t.Fdr[g];
            }
        }
        return new Table([
            TableColumn.Text("target", target), TableColumn.Text("feature", feature),
            TableColumn.Float64("target_mean", targetMean), TableColumn.Float64("ref_mean", refMean),
            TableColumn.Int64("target_membership", targetMembership), TableColumn.Int64("ref_membership", refMembership),
            // fold_change is pdex 0.2's deprecated alias holding the log2 values (as in the CSV).
            TableColumn.Float64("fold_change", lfc), TableColumn.Float64("log2_fold_change", lfc),
            TableColumn.Float64("percent_change", percent), TableColumn.Float64("p_value", p),
            TableColumn.Float64("statistic", statistic), TableColumn.Float64("fdr", fdr),
        ]);
    }
}
