using ScRepro.Evaluation.Annotation;
using ScRepro.Foundation.Errors;

namespace ScRepro.Cards;

/// <summary>
/// The comparison page's per-class table for annotation experiments, from each model's per_class.csv (the Evaluate
/// stage's sklearn classification_report). The imbalance study (seed 003, Alsabbagh et al.) reports that every model
/// drops on rare cell types but states no cut-off (its undersampling threshold is unstated too: annotation-models.md
/// §4.2), so the rule is ours and the page states it: a class is rare when it has fewer than <see cref="Fraction"/> of
/// the test cells. The test set is never resampled (the resample policy replaces only the training part), so the
/// original, undersampled and oversampled variants of one dataset call out the same classes.
/// </summary>
public static class RareClasses
{
    public const double Fraction = 0.05;

    public static string Rule =>
        $"rare = fewer than {Fraction:P0} of the test cells (the test set is not resampled, so every imbalance variant of a dataset calls out the same classes)";

    /// <param name="models">Model ids, in column order.</param>
    /// <param name="perClass">Per model, per seed, the rows of per_class.csv; <paramref name="sources"/> names them for errors.</param>
    public static IReadOnlyList<PerClassRow> Rows(IReadOnlyList<string> models, IReadOnlyList<IReadOnlyList<IReadOnlyList<ClassMetrics>>> perClass,
        IReadOnlyList<IReadOnlyList<string>> sources)
    {
        // Support is the count of true labels, the same test set for every model and seed: a mismatch means the
        // evaluations did not see the same split.
        var support = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < models.Count; m++)
            for (var s = 0; s < perClass[m].Count; s++)
                foreach (var c in perClass[m][s])
                {
                    if (support.TryGetValue(c.Label, out var seen) && seen != c.Support && seen != 0 && c.Support != 0)
                        throw new ScReproException($"{sources[m][s]}: class '{c.Label}' has support {c.Support}, another evaluation of this experiment has {seen}");
                    support[c.Label] = Math.Max(seen, c.Support);
                }
        var total = support.Values.Sum();
        if (total == 0) return [];
        return support
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv =>
            {
                var share = (double)kv.Value / total;
                var cells = models.Select((_, m) => Mean(perClass[m].Select(seed => seed.FirstOrDefault(c => c.Label == kv.Key)).ToList())).ToList();
                return new PerClassRow(kv.Key, kv.Value, share, kv.Value > 0 && share < Fraction, cells);
            }).ToList();
    }

    // A class absent from one seed's report (neither true nor predicted there) scored 0 on it, as sklearn's
    // zero_division=0 would with the label listed.
    private static PerClassCell Mean(IReadOnlyList<ClassMetrics?> seeds) =>
        new(seeds.Average(c => c?.Precision ?? 0), seeds.Average(c => c?.Recall ?? 0), seeds.Average(c => c?.F1 ?? 0));
}
