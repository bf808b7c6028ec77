namespace ScRepro.Evaluation.Perturbation.Clustering;

/// <summary>sklearn.metrics.adjusted_mutual_info_score(average_method="arithmetic"), natural logarithms.</summary>
public static class AdjustedMutualInformation
{
    public static double Score(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred)
    {
        var n = labelsTrue.Count;
        var classes = labelsTrue.Distinct().Order().ToArray();
        var clusters = labelsPred.Distinct().Order().ToArray();
        if ((classes.Length == 1 && clusters.Length == 1) || (classes.Length == 0 && clusters.Length == 0)) return 1.0;
        var ci = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var ki = clusters.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var table = new long[classes.Length, clusters.Length];
        for (var s = 0; s < n; s++) table[ci[labelsTrue[s]], ki[labelsPred[s]]]++;
        var a = new long[classes.Length];
        var b = new long[clusters.Length];
        for (var i = 0; i < classes.Length; i++)
            for (var j = 0; j < clusters.Length; j++) { a[i] += table[i, j]; b[j] += table[i, j]; }

        double mi = 0;
        for (var i = 0; i < classes.Length; i++)
            for (var j = 0; j < clusters.Length; j++)
                if (table[i, j] > 0)
                    mi += table[i, j] / (double)n * Math.Log((double)n * table[i, j] / ((double)a[i] * b[j]));
        mi = Math.Max(mi, 0.0);

        var emi = ExpectedMutualInformation(a, b, n);
        var hTrue = Entropy(a, n);
        var hPred = Entropy(b, n);
        var normalizer = (hTrue + hPred) / 2.0;
        var denominator = normalizer - emi;
        // sklearn keeps the denominator away from zero with machine epsilon, preserving its sign.
        var eps = double.Epsilon < 0 ? 0 : 2.220446049250313e-16;
        denominator = denominator < 0 ? Math.Min(denominator, -eps) : Math.Max(denominator, eps);
        return (mi - emi) / denominator;
    }

    private static double Entropy(long[] counts, int n)
    {
        double h = 0;
        foreach (var c in counts)
            if (c > 0) h -= c / (double)n * Math.Log(c / (double)n);
        return h;
    }

    // E[MI] under the hypergeometric model (Vinh, Epps & Bailey 2010), as sklearn's expected_mutual_information.
    private static double ExpectedMutualInformation(long[] a, long[] b, int n)
    {
        var lf = new double[n + 1];
        for (var i = 1; i <= n; i++) lf[i] = lf[i - 1] + Math.Log(i);
        double emi = 0;
        foreach (var ai in a)
        {
            foreach (var bj in b)
            {
                var start = Math.Max(1, ai + bj - n);
                var end = Math.Min(ai, bj);
                for (var nij = start; nij <= end; nij++)
                {
                    var term1 = nij / (double)n;
                    var term2 = Math.Log((double)n * nij / ((double)ai * bj));
                    var logTerm3 = lf[ai] + lf[bj] + lf[n - ai] + lf[n - bj] - lf[n] - lf[nij] - lf[ai - nij] - lf[bj - nij]
                                   - lf[n - ai - bj + nij];
                    emi += term1 * term2 * Math.Exp(logTerm3);
                }
            }
        }
        return emi;
    }
}
