namespace ScRepro.Cards.Figures;

/// <summary>A model's confusion matrix over the test cells: Counts[t][p] cells of true class Labels[t] predicted as Labels[p], summed over seeds.</summary>
public sealed record ConfusionMatrix(string Model, IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    /// <summary>From confusion_matrix.csv's non-zero cells (true, pred, count) of every seed, on <paramref name="labels"/>' axes.</summary>
    public static ConfusionMatrix Of(string model, IReadOnlyList<string> labels, IEnumerable<(string True, string Pred, long Count)> cells)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var counts = labels.Select(_ => new long[labels.Count]).ToArray();
        foreach (var (t, p, n) in cells)
        {
            if (!index.TryGetValue(t, out var ti) || !index.TryGetValue(p, out var pi))
                throw new Foundation.Errors.ScReproException($"confusion matrix of {model}: label '{(index.ContainsKey(t) ? p : t)}' is not among the evaluated classes");
            counts[ti][pi] += n;
        }
        return new ConfusionMatrix(model, labels, counts);
    }

    public long Total => Counts.Sum(r => r.Sum());
}
