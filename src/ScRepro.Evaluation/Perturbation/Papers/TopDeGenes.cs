using ScRepro.Foundation.Errors;

namespace ScRepro.Evaluation.Perturbation.Papers;

/// <summary>
/// GEARS' top-20 DE genes of a perturbation: from uns['rank_genes_groups_cov_all'] when the real AnnData has it (GEARS'
/// data_utils.py stores the ranked gene names per condition), otherwise computed as GEARS computes them: scanpy
/// rank_genes_groups with its default t-test (Welch: (μ_p − μ_c)/√(s²_p/n_p + s²_c/n_c), NaN scores → 0) against the control
/// cells, rankby_abs=True. Equal |scores| keep gene order (scanpy's argsort is unstable; documented choice).
/// </summary>
public static class TopDeGenes
{
    public const string UnsKey = "rank_genes_groups_cov_all";
    public const int Count = 20;

    /// <summary>Gene indices and where they came from ("uns:KEY" or "t-test").</summary>
    public static (int[] Genes, string Source) For(PerturbationPair pair, IReadOnlyDictionary<string, object?>? uns, string pert) =>
        For(pair, uns, pert, new Lazy<(double[], double[], int)>(() => ControlStats(pair)));

    /// <summary>As above, sharing the control cells' mean and variance across perturbations (computed once, when needed).</summary>
    internal static (int[] Genes, string Source) For(PerturbationPair pair, IReadOnlyDictionary<string, object?>? uns, string pert,
        Lazy<(double[] Mean, double[] Var, int N)> control)
    {
        if (uns is not null && uns.TryGetValue(UnsKey, out var entry) && entry is IReadOnlyDictionary<string, object?> lists)
        {
            var key = lists.ContainsKey(pert) ? pert
                : lists.Keys.Where(k => k.Split('_').Contains(pert, StringComparer.Ordinal)).ToArray() is [var only] ? only : null;
            if (key is not null)
            {
                if (lists[key] is not string[] names)
                    throw new ScReproException($"{pair.Real.Source}: uns['{UnsKey}']['{key}'] is not a list of gene names");
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var g = pair.Genes.Length - 1; g >= 0; g--) index[pair.Genes[g]] = g;
                var genes = names.Take(Count).Select(n => index.TryGetValue(n, out var g) ? g
                    : throw new ScReproException($"{pair.Real.Source}: uns['{UnsKey}']['{key}'] names gene '{n}', which is not in var_names")).ToArray();
                return (genes, $"uns:{key}");
            }
        }
        return (TTestTop(pair, pert, control.Value), "t-test");
    }

    internal static (double[] Mean, double[] Var, int N) ControlStats(PerturbationPair pair) =>
        MeanVar(pair.Real, pair.Real.Groups[pair.Control]);

    private static int[] TTestTop(PerturbationPair pair, string pert, (double[] Mean, double[] Var, int N) control)
    {
        var (mp, vp, np) = MeanVar(pair.Real, pair.Real.Groups[pert]);
        var (mc, vc, nc) = control;
        var score = new double[mp.Length];
        for (var g = 0; g < score.Length; g++)
        {
            var s = (mp[g] - mc[g]) / Math.Sqrt(vp[g] / np + vc[g] / nc);
            score[g] = double.IsNaN(s) ? 0.0 : s;
        }
        return Enumerable.Range(0, score.Length).OrderByDescending(g => Math.Abs(score[g])).ThenBy(g => g).Take(Count).ToArray();
    }

    // Mean and variance (ddof = 1) over a row subset, zeros included.
    private static (double[] Mean, double[] Var, int N) MeanVar(PerturbationSide side, int[] rows)
    {
        var genes = side.X.Cols;
        var sum = new double[genes];
        var nnz = new int[genes];
        foreach (var r in rows)
        {
            var idx = side.X.RowIndices(r);
            var val = side.X.RowValues(r);
            for (var k = 0; k < idx.Length; k++) { sum[idx[k]] += val[k]; nnz[idx[k]]++; }
        }
        var n = rows.Length;
        var mean = sum.Select(s => s / n).ToArray();
        var ss = new double[genes];
        foreach (var r in rows)
        {
            var idx = side.X.RowIndices(r);
            var val = side.X.RowValues(r);
            for (var k = 0; k < idx.Length; k++) { var d = val[k] - mean[idx[k]]; ss[idx[k]] += d * d; }
        }
        var variance = new double[genes];
        for (var g = 0; g < genes; g++) variance[g] = (ss[g] + (n - nnz[g]) * mean[g] * mean[g]) / (n - 1);
        return (mean, variance, n);
    }
}
