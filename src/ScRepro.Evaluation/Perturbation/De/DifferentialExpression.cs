using ScRepro.AnnData.Matrices;
using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>
/// pdex 0.2.5 in mode="ref" as cell-eval 0.8.1 calls it (is_log1p=True, epsilon=0, geometric means, no CPM filter):
/// each target's cells against the reference cells of the same AnnData, a two-sided asymptotic Mann–Whitney U per gene
/// on the log1p values, Benjamini–Hochberg over that target's genes, and log2 fold changes of expm1(mean log1p).
/// </summary>
public static class DifferentialExpression
{
    /// <summary>Runs DE for every target (sorted ordinally), in parallel over targets; results do not depend on threads.</summary>
    public static DeTable Run(CsrMatrix x, string[] features, IReadOnlyDictionary<string, int[]> groups,
        string reference, IReadOnlyList<string> targets, int threads, Action<double>? progress = null)
    {
        var refColumns = GeneColumns.Build(x, groups[reference]);
        var prepared = RankSumReference.Build(refColumns, threads);
        var refMean = new double[features.Length];
        for (var g = 0; g < refMean.Length; g++) refMean[g] = ExpM1.Of(refColumns.Sums[g] / refColumns.Cells);

        var results = new TargetDe[targets.Count];
        Parallel.For(0, targets.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            results[i] = RunTarget(x, features.Length, targets[i], groups[targets[i]], prepared, refMean);
            progress?.Invoke(1);
        });
        return new DeTable(reference, features, results);
    }

    private static TargetDe RunTarget(CsrMatrix x, int genes, string target, int[] rows, RankSumReference reference,
        double[] refMean)
    {
        var cols = GeneColumns.Build(x, rows);
        var tMean = new double[genes];
        var lfc = new double[genes];
        var pct = new double[genes];
        var p = new double[genes];
        var u = new double[genes];
        for (var g = 0; g < genes; g++)
        {
            tMean[g] = ExpM1.Of(cols.Sums[g] / cols.Cells);
            // 0/0 → NaN → 0 (pdex ≥ 0.2.3); a one-sided zero keeps ±inf.
            var l = Math.Log2(tMean[g] / refMean[g]);
            lfc[g] = double.IsNaN(l) ? 0.0 : l;
            var c = (tMean[g] - refMean[g]) / refMean[g];
            pct[g] = double.IsNaN(c) ? 0.0 : c;
            var nz = cols.NonZeros(g);
            nz.Sort();
            (u[g], p[g]) = reference.Test(g, nz, cols.Cells - nz.Length);
        }
        var fdr = BenjaminiHochberg.Adjust(p);
        return new TargetDe(target, rows.Length, reference.Cells, tMean, refMean, lfc, pct, p, u, fdr);
    }
}
