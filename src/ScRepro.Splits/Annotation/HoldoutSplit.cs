using ScRepro.Foundation.Errors;

namespace ScRepro.Splits.Annotation;

/// <summary>
/// Held-out batches or donors: every cell whose batch value is in the test (or val) list goes there, the rest train,
/// all in obs order. No randomness: the MS, myeloid and pancreas reference/query sets are split this way.
/// </summary>
public static class HoldoutSplit
{
    public static (int[] Train, int[] Val, int[] Test) Split(IReadOnlyList<string?> batches, IReadOnlyCollection<string> testBatches,
        IReadOnlyCollection<string>? valBatches = null)
    {
        valBatches ??= [];
        if (testBatches.Count == 0) throw new ScReproException("holdout split needs at least one test batch");
        var present = new HashSet<string>(batches.Where(b => b is not null).Select(b => b!), StringComparer.Ordinal);
        foreach (var b in testBatches.Concat(valBatches))
            if (!present.Contains(b))
                throw new ScReproException($"batch '{b}' does not occur in the batch column (have: {string.Join(", ", present.Order(StringComparer.Ordinal).Take(10))})");
        var overlap = testBatches.Intersect(valBatches, StringComparer.Ordinal).ToList();
        if (overlap.Count > 0) throw new ScReproException($"batch '{overlap[0]}' is listed as both test and val");
        var test = new HashSet<string>(testBatches, StringComparer.Ordinal);
        var val = new HashSet<string>(valBatches, StringComparer.Ordinal);
        List<int> tr = [], va = [], te = [];
        for (var i = 0; i < batches.Count; i++)
        {
            var b = batches[i] ?? throw new ScReproException($"batch column is missing a value at row {i}");
            (test.Contains(b) ? te : val.Contains(b) ? va : tr).Add(i);
        }
        if (tr.Count == 0) throw new ScReproException("holdout split leaves no cells for training");
        return (tr.ToArray(), va.ToArray(), te.ToArray());
    }
}
