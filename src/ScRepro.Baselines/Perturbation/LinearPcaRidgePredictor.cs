using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Perturbation;

/// <summary>
/// The linear baseline of Ahlmann-Eltze, Huber and Anders (2024), as formulated here:
/// <list type="bullet">
/// <item>Y (genes × m): mean expression of each of the m training perturbations; b = row means of Y; Yc = Y − b.</item>
/// <item>G (genes × K): gene embedding = the top K left singular vectors of Yc (PCA of the training data; signs fixed
/// so each column's largest-magnitude entry is positive).</item>
/// <item>P (m × K): a perturbation's embedding = the sum of the G rows of its perturbed genes (zero for a gene not
/// among the measured genes), so combinations are linear in their genes.</item>
/// <item>W = (GᵀG + λI)⁻¹ Gᵀ Yc P (PᵀP + λI)⁻¹, the closed-form ridge solution of min ‖Yc − G W Pᵀ‖² + λ‖W‖².</item>
/// <item>prediction(p) = b + G W P_p; the control is predicted as the real control mean.</item>
/// </list>
/// Defaults K = 10, λ = 0.1 (the paper's). Deterministic: no random initialisation (the seed is only recorded).
/// </summary>
internal sealed class LinearPcaRidgePredictor : MeanShiftPredictor
{
    private readonly double[] _b;
    private readonly double[][] _gw;          // genes × K: G W, so a prediction is b + (G W) P_p
    private readonly double[][] _geneEmbedding; // genes × K rows of G
    private readonly Dictionary<string, int> _geneRow;
    private readonly Dictionary<string, double> _hp;

    public LinearPcaRidgePredictor(ScRepro.AnnData.AnnotatedData data, PerturbationColumns columns, ConditionMeans means,
        IReadOnlyList<string> trainPerturbations, int nComponents, double lambda, int seed)
        : base(data, columns, means)
    {
        if (trainPerturbations.Count < 2)
            throw new ScReproException($"linear_pca_ridge needs at least 2 training perturbations, got {trainPerturbations.Count}");
        if (nComponents < 1) throw new ScReproException($"linear_pca_ridge: n_components must be ≥ 1, got {nComponents}");
        if (!(lambda > 0)) throw new ScReproException($"linear_pca_ridge: ridge_lambda must be > 0, got {lambda}");
        var genes = means.Genes;
        var m = trainPerturbations.Count;
        var y = trainPerturbations.Select(p => means.Means[p]).ToArray(); // m columns of length genes
        _b = new double[genes];
        for (var j = 0; j < genes; j++) { var s = 0.0; for (var p = 0; p < m; p++) s += y[p][j]; _b[j] = s / m; }
        var yc = y.Select(col => col.Select((v, j) => v - _b[j]).ToArray()).ToArray();

        // PCA through the m × m Gram matrix (m ≪ genes): Ycᵀ Yc = V Λ Vᵀ, U = Yc V Λ^(-1/2).
        var gram = new double[m, m];
        for (var p = 0; p < m; p++)
            for (var q = p; q < m; q++)
            {
                var s = 0.0;
                for (var j = 0; j < genes; j++) s += yc[p][j] * yc[q][j];
                gram[p, q] = gram[q, p] = s;
            }
        var (values, vectors) = SmallLinearAlgebra.SymmetricEigen(gram);
        var k = Math.Min(nComponents, values.Count(v => v > 1e-12 * Math.Max(values[0], 1e-300)));
        if (k == 0) throw new ScReproException("linear_pca_ridge: the training perturbations do not differ from each other");
        _geneEmbedding = new double[genes][];
        for (var j = 0; j < genes; j++) _geneEmbedding[j] = new double[k];
        for (var c = 0; c < k; c++)
        {
            var scale = 1 / Math.Sqrt(values[c]);
            var col = new double[genes];
            for (var p = 0; p < m; p++)
            {
                var w = vectors[p, c] * scale;
                if (w == 0) continue;
                for (var j = 0; j < genes; j++) col[j] += yc[p][j] * w;
            }
            var pivot = col.Select(Math.Abs).Max();
            var sign = col.First(v => Math.Abs(v) == pivot) < 0 ? -1.0 : 1.0;
            for (var j = 0; j < genes; j++) _geneEmbedding[j][c] = sign * col[j];
        }

        _geneRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = columns.GeneNames is null ? data.VarNames
            : data.Var.Contains(columns.GeneNames)
                ? Enumerable.Range(0, data.NVars).Select(i => data.Var[columns.GeneNames].GetString(i) ?? "").ToArray()
                : throw new ScReproException($"var has no column '{columns.GeneNames}' for gene names");
        for (var j = 0; j < names.Length; j++) _geneRow.TryAdd(names[j], j);

        // P (m × K), then W = (GᵀG + λI)⁻¹ Gᵀ Yc P (PᵀP + λI)⁻¹.
        var pMat = trainPerturbations.Select(Embed).ToArray();
        var gtg = new double[k, k];
        for (var a = 0; a < k; a++)
            for (var c = 0; c < k; c++)
            {
                var s = 0.0;
                for (var j = 0; j < genes; j++) s += _geneEmbedding[j][a] * _geneEmbedding[j][c];
                gtg[a, c] = s + (a == c ? lambda : 0);
            }
        var ptp = new double[k, k];
        for (var a = 0; a < k; a++)
            for (var c = 0; c < k; c++)
            {
                var s = 0.0;
                for (var p = 0; p < m; p++) s += pMat[p][a] * pMat[p][c];
                ptp[a, c] = s + (a == c ? lambda : 0);
            }
        // middle = Gᵀ Yc P (K × K)
        var gtyc = new double[k, m];
        for (var a = 0; a < k; a++)
            for (var p = 0; p < m; p++)
            {
                var s = 0.0;
                for (var j = 0; j < genes; j++) s += _geneEmbedding[j][a] * yc[p][j];
                gtyc[a, p] = s;
            }
        var middle = new double[k, k];
        for (var a = 0; a < k; a++)
            for (var c = 0; c < k; c++)
            {
                var s = 0.0;
                for (var p = 0; p < m; p++) s += gtyc[a, p] * pMat[p][c];
                middle[a, c] = s;
            }
        var left = SmallLinearAlgebra.SolveSpd(gtg, middle);            // (GᵀG+λI)⁻¹ Gᵀ Yc P
        var wT = SmallLinearAlgebra.SolveSpd(ptp, Transpose(left));      // Wᵀ = (PᵀP+λI)⁻¹ leftᵀ (both symmetric)
        _gw = new double[genes][];
        for (var j = 0; j < genes; j++)
        {
            var row = new double[k];
            for (var c = 0; c < k; c++)
            {
                var s = 0.0;
                for (var a = 0; a < k; a++) s += _geneEmbedding[j][a] * wT[c, a];
                row[c] = s;
            }
            _gw[j] = row;
        }
        _hp = new Dictionary<string, double>
        {
            ["n_components"] = nComponents,
            ["n_components_used"] = k,
            ["ridge_lambda"] = lambda,
            ["seed"] = seed,
        };
    }

    public override string Kind => PerturbationBaselines.LinearPcaRidge;
    public override IReadOnlyDictionary<string, double> Hyperparameters => _hp;

    protected override double[] Shift(string condition)
    {
        var e = Embed(condition);
        var shift = new double[_b.Length];
        for (var j = 0; j < shift.Length; j++)
        {
            var s = _b[j] - ControlMean[j];
            var row = _gw[j];
            for (var c = 0; c < e.Length; c++) s += row[c] * e[c];
            shift[j] = s;
        }
        return shift;
    }

    private double[] Embed(string condition)
    {
        var k = _geneEmbedding[0].Length;
        var e = new double[k];
        foreach (var g in ConditionGenes.Of(condition, Columns.Control))
        {
            if (!_geneRow.TryGetValue(g, out var row)) continue; // unmeasured gene: no embedding, contributes 0
            for (var c = 0; c < k; c++) e[c] += _geneEmbedding[row][c];
        }
        return e;
    }

    private static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }
}
