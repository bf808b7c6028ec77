using ScRepro.AnnData.Matrices;

namespace ScRepro.Baselines.Logistic;

/// <summary>
/// A fitted one-vs-rest L1 logistic regression, laid out as sklearn's: <see cref="Classes"/> sorted (ordinal),
/// one coefficient row per class (a single row for two classes, for <c>Classes[1]</c>), intercept = scaling × bias weight.
/// </summary>
public sealed class LogisticModel
{
    internal LogisticModel(string[] classes, double[][] coef, double[] intercept, int[] iterations, double c, int nFeatures)
    {
        Classes = classes;
        Coef = coef;
        Intercept = intercept;
        Iterations = iterations;
        C = c;
        NFeatures = nFeatures;
        _coefByFeature = new double[(long)nFeatures * coef.Length];
        for (var k = 0; k < coef.Length; k++)
            for (var j = 0; j < nFeatures; j++) _coefByFeature[(long)j * coef.Length + k] = coef[k][j];
    }

    private readonly double[] _coefByFeature;

    public string[] Classes { get; }

    /// <summary>coef_: [rows][n_features], rows = classes (or 1 when there are two).</summary>
    public double[][] Coef { get; }

    public double[] Intercept { get; }

    /// <summary>Newton iterations per binary problem (sklearn's n_iter_).</summary>
    public int[] Iterations { get; }

    public double C { get; }

    public int NFeatures { get; }

    /// <summary>True when some binary problem hit max_iter (sklearn's ConvergenceWarning).</summary>
    public bool HitMaxIter(int maxIter) => Iterations.Any(i => i >= maxIter);

    /// <summary>decision_function for <paramref name="rows"/> of <paramref name="x"/>: [row][coef row].</summary>
    public double[][] DecisionFunction(CsrMatrix x, IReadOnlyList<int> rows)
    {
        if (x.Cols != NFeatures)
            throw new ArgumentException($"X has {x.Cols} features, the model was fitted on {NFeatures}");
        var k = Coef.Length;
        var result = new double[rows.Count][];
        Parallel.For(0, rows.Count, r =>
        {
            var scores = (double[])Intercept.Clone();
            var idx = x.RowIndices(rows[r]);
            var val = x.RowValues(rows[r]);
            for (var p = 0; p < idx.Length; p++)
            {
                var baseOffset = (long)idx[p] * k;
                double v = val[p];
                for (var c = 0; c < k; c++) scores[c] += _coefByFeature[baseOffset + c] * v;
            }
            result[r] = scores;
        });
        return result;
    }

    /// <summary>predict: argmax of the decision functions (first on ties, as numpy), or sign for two classes.</summary>
    public string[] Predict(CsrMatrix x, IReadOnlyList<int> rows)
    {
        var scores = DecisionFunction(x, rows);
        return scores.Select(s => Classes[ArgMaxClass(s)]).ToArray();
    }

    /// <summary>predict_proba as sklearn's OvR: per-class sigmoids renormalised to sum to 1 ([1−p, p] for two classes).</summary>
    public double[][] PredictProba(CsrMatrix x, IReadOnlyList<int> rows)
    {
        var scores = DecisionFunction(x, rows);
        return scores.Select(s =>
        {
            if (s.Length == 1)
            {
                var p = Sigmoid(s[0]);
                return new[] { 1 - p, p };
            }
            var probs = s.Select(Sigmoid).ToArray();
            var sum = probs.Sum();
            for (var c = 0; c < probs.Length; c++) probs[c] /= sum;
            return probs;
        }).ToArray();
    }

    private int ArgMaxClass(double[] s)
    {
        if (s.Length == 1) return s[0] > 0 ? 1 : 0;
        var best = 0;
        for (var c = 1; c < s.Length; c++) if (s[c] > s[best]) best = c;
        return best;
    }

    private static double Sigmoid(double v) => 1.0 / (1.0 + Math.Exp(-v));
}
