using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Logistic;

/// <summary>
/// sklearn's StratifiedKFold(n_splits, shuffle=False), which cross_validate uses for a classifier with cv=k:
/// classes are numbered by first appearance, the sorted class codes are dealt round-robin to the folds to get each
/// fold's per-class allocation, and within each class the samples (in data order) fill fold 0, then fold 1, ….
/// </summary>
public static class StratifiedKFold
{
    /// <summary>The test fold (0..k−1) of every sample.</summary>
    public static int[] TestFolds(IReadOnlyList<string> y, int nSplits)
    {
        if (nSplits < 2) throw new ScReproException($"cross-validation needs at least 2 folds, got {nSplits}");
        if (y.Count < nSplits) throw new ScReproException($"cannot make {nSplits} folds from {y.Count} samples");
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in y) firstSeen.TryAdd(label, firstSeen.Count);
        var codes = y.Select(l => firstSeen[l]).ToArray();
        var nClasses = firstSeen.Count;
        var counts = new int[nClasses];
        foreach (var c in codes) counts[c]++;
        if (counts.All(c => c < nSplits))
            throw new ScReproException($"n_splits={nSplits} cannot be greater than the number of members in each class");

        var sorted = codes.Order().ToArray();
        var allocation = new int[nSplits, nClasses];
        for (var i = 0; i < sorted.Length; i++) allocation[i % nSplits, sorted[i]]++;

        var folds = new int[y.Count];
        var fill = new int[nClasses];      // current fold per class
        var used = new int[nClasses];      // samples of that class placed in the current fold
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            while (used[c] >= allocation[fill[c], c]) { fill[c]++; used[c] = 0; }
            folds[i] = fill[c];
            used[c]++;
        }
        return folds;
    }
}
