using ScRepro.Foundation.Errors;
using ScRepro.Splits.Random;

namespace ScRepro.Splits.Annotation;

/// <summary>
/// imblearn's random samplers (imbalanced-learn 0.10, checked against Debian's python3-imblearn), as sample indices
/// in imblearn's order (its <c>sample_indices_</c>). Classes are visited in np.unique order and each draw comes
/// from one RandomState(random_state).
/// </summary>
public static class ClassResampler
{
    /// <summary>
    /// RandomOverSampler(random_state) with sampling_strategy='auto' ("not majority"): all samples in order, then for each
    /// other class (sorted), choice(its indices, majority − count, replace=True). The majority is the first class with
    /// the largest count.
    /// </summary>
    public static int[] Oversample(LabelClasses y, long randomState)
    {
        RequireTwoClasses(y);
        var majority = Array.IndexOf(y.Counts, y.Counts.Max());
        var byClass = y.IndicesByClass();
        var rng = new NumpyRandomState(randomState);
        var result = Enumerable.Range(0, y.Codes.Length).ToList();
        for (var c = 0; c < y.Classes.Length; c++)
        {
            if (c == majority) continue;
            result.AddRange(rng.Choice(byClass[c], y.Counts[majority] - y.Counts[c], replace: true));
        }
        return result.ToArray();
    }

    /// <summary>
    /// RandomUnderSampler(random_state) with sampling_strategy='auto' ("not minority"): every class but the first
    /// smallest is cut to the minority count by choice(range(count), n, replace=False).
    /// </summary>
    public static int[] UndersampleToMinority(LabelClasses y, long randomState)
    {
        RequireTwoClasses(y);
        var minority = Array.IndexOf(y.Counts, y.Counts.Min());
        var target = y.Counts[minority];
        return Undersample(y, randomState, c => c == minority ? null : target);
    }

    /// <summary>
    /// Undersampling to a threshold: classes with at least <paramref name="threshold"/> cells are cut to exactly that many,
    /// smaller classes are kept whole. Drawn as RandomUnderSampler(sampling_strategy={class: threshold for big classes},
    /// random_state). The imbalance benchmark (Alsabbagh et al., data/preprocessing.ipynb) reaches the same counts but
    /// first draws one class with an unseeded pandas .sample, which cannot be reproduced; this is the seeded equivalent.
    /// </summary>
    public static int[] UndersampleToThreshold(LabelClasses y, int threshold, long randomState)
    {
        if (threshold < 1) throw new ScReproException($"undersampling threshold must be at least 1, got {threshold}");
        RequireTwoClasses(y);
        return Undersample(y, randomState, c => y.Counts[c] >= threshold ? threshold : null);
    }

    private static int[] Undersample(LabelClasses y, long randomState, Func<int, int?> targetOf)
    {
        var byClass = y.IndicesByClass();
        var rng = new NumpyRandomState(randomState);
        var result = new List<int>();
        for (var c = 0; c < y.Classes.Length; c++)
        {
            if (targetOf(c) is { } n)
                result.AddRange(rng.Choice(y.Counts[c], n, replace: false).Select(i => byClass[c][i]));
            else
                result.AddRange(byClass[c]);
        }
        return result.ToArray();
    }

    private static void RequireTwoClasses(LabelClasses y)
    {
        if (y.Classes.Length <= 1)
            throw new ScReproException($"resampling needs more than 1 class; got {y.Classes.Length}");
    }
}
