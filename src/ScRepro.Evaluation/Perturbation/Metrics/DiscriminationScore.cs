using System.Numerics.Tensors;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// discrimination_score_{l1,l2,cosine} (cell-eval ≥ 0.6.0 metrics/_anndata.py): for each p, the real effects Δ_R(q) of every
/// perturbation are ordered by distance to the predicted effect Δ_P(p), the gene named p left out; score = 1 − rank/N.
/// numpy's argsort is unstable, so exact ties are broken here by perturbation order (a documented, deterministic choice).
/// </summary>
internal static class DiscriminationScore
{
    public static readonly string[] DistanceNames = ["l1", "l2", "cosine"];

    public static IEnumerable<MetricRow> Compute(PerturbationPair pair)
    {
        var perts = pair.Perturbations;
        var real = perts.Select(p => pair.Real.Delta(p, pair.Control)).ToArray();
        var pred = perts.Select(p => pair.Pred.Delta(p, pair.Control)).ToArray();
        var geneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = pair.Genes.Length - 1; g >= 0; g--) geneIndex[pair.Genes[g]] = g;
        var results = new List<MetricRow>();
        foreach (var metric in DistanceNames)
        {
            for (var i = 0; i < perts.Length; i++)
            {
                // Drop every gene named like the perturbation (mask = genes != p).
                var excluded = pair.Genes.Select((g, j) => (g, j)).Where(t => t.g == perts[i]).Select(t => t.j).ToArray();
                var target = Masked(pred[i], excluded);
                var distances = new double[perts.Length];
                for (var q = 0; q < perts.Length; q++) distances[q] = Distance(metric, Masked(real[q], excluded), target);
                var rank = 0;
                for (var q = 0; q < perts.Length; q++)
                    if (distances[q] < distances[i] || (distances[q] == distances[i] && q < i)) rank++;
                results.Add(new MetricRow(perts[i], $"discrimination_score_{metric}", 1.0 - rank / (double)perts.Length));
            }
        }
        return results;
    }

    private static double[] Masked(double[] v, int[] excluded)
    {
        if (excluded.Length == 0) return v;
        var skip = new HashSet<int>(excluded);
        return v.Where((_, j) => !skip.Contains(j)).ToArray();
    }

    /// <summary>sklearn pairwise_distances for one pair: manhattan, euclidean, or cosine (1 − cos; zero vectors → 1).</summary>
    public static double Distance(string metric, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        switch (metric)
        {
            case "l1":
                var diff = new double[a.Length];
                TensorPrimitives.Subtract(a, b, diff);
                return TensorPrimitives.SumOfMagnitudes<double>(diff);
            case "l2":
                return TensorPrimitives.Distance(a, b);
            case "cosine":
                var na = TensorPrimitives.Norm(a);
                var nb = TensorPrimitives.Norm(b);
                // sklearn normalises rows and leaves zero rows at zero, so their similarity is 0 and distance 1.
                if (na == 0 || nb == 0) return 1.0;
                return Math.Clamp(1.0 - TensorPrimitives.Dot(a, b) / (na * nb), 0.0, 2.0);
            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "distance must be l1, l2 or cosine");
        }
    }
}
