using ScRepro.AnnData.Matrices;

namespace ScRepro.Baselines.Logistic;

/// <summary>Mean fold accuracy for each C of the grid, and the C chosen.</summary>
public sealed record CrossValidationResult(double BestC, IReadOnlyList<double> Grid, IReadOnlyList<double> MeanAccuracy,
    IReadOnlyList<double[]> FoldAccuracy);

/// <summary>
/// Boiarsky et al.'s C selection: cross_validate(LogisticRegression(..., C=c), X, y, cv=5, scoring="accuracy") for
/// each c, then np.argmax of the mean accuracy (first, i.e. smallest C, on ties).
/// </summary>
public static class CrossValidatedC
{
    /// <summary>The paper's grid for the scGPT datasets: 1e-3 … 1e4.</summary>
    public static IReadOnlyList<double> PaperGrid { get; } = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1000, 10000];

    public static CrossValidationResult Select(CsrMatrix x, IReadOnlyList<int> rows, IReadOnlyList<string> labels,
        IReadOnlyList<double> grid, int folds, LogisticOptions options, Action<double>? progress = null)
    {
        var testFold = StratifiedKFold.TestFolds(labels, folds);
        var foldAccuracy = new double[grid.Count][];
        for (var g = 0; g < grid.Count; g++) foldAccuracy[g] = new double[folds];
        // Folds run one after another (each needs its own transposed copy); the C × class problems of a fold
        // run in parallel.
        for (var f = 0; f < folds; f++)
        {
            var trainRows = new List<int>();
            var trainLabels = new List<string>();
            var testRows = new List<int>();
            var testLabels = new List<string>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (testFold[i] == f) { testRows.Add(rows[i]); testLabels.Add(labels[i]); }
                else { trainRows.Add(rows[i]); trainLabels.Add(labels[i]); }
            }
            var models = L1LogisticRegression.FitMany(x, trainRows, trainLabels, grid, options);
            for (var g = 0; g < grid.Count; g++)
            {
                var predicted = models[g].Predict(x, testRows);
                var correct = 0;
                for (var i = 0; i < predicted.Length; i++) if (predicted[i] == testLabels[i]) correct++;
                foldAccuracy[g][f] = (double)correct / predicted.Length;
            }
            progress?.Invoke(1);
        }
        var means = foldAccuracy.Select(a => a.Average()).ToArray();
        var best = 0;
        for (var g = 1; g < means.Length; g++) if (means[g] > means[best]) best = g;
        return new CrossValidationResult(grid[best], grid.ToArray(), means, foldAccuracy);
    }
}
