using ScRepro.Foundation.Errors;
using ScRepro.Splits.Random;

namespace ScRepro.Splits.Annotation;

/// <summary>
/// Few-shot subsamples of a training set, drawn the ways Boiarsky et al. drew them (annotation-models.md §1.3).
/// Each returns positions into the training list, in draw order.
/// </summary>
public static class FewShotSampler
{
    /// <summary>
    /// PBMC, LR notebook: <c>np.random.seed(seed); np.random.choice(train, round(len(train) * fraction), replace=False)</c>.
    /// Not stratified: rare classes can vanish at 10 %. Python's round() rounds halves to even, as Math.Round does.
    /// </summary>
    public static int[] Uniform(int trainCount, double fraction, long seed)
    {
        CheckFraction(fraction);
        return new NumpyRandomState(seed).Choice(trainCount, SampleSize(trainCount, fraction), replace: false);
    }

    /// <summary>
    /// PBMC, scBERT's dist_finetune_fewshot.py: seed once, then one choice per fraction in <paramref name="fractionOrder"/>
    /// (default 1.0, 0.75, 0.5, 0.25, 0.1) from the same stream; returns the draw for <paramref name="fraction"/>.
    /// Assumes nothing else draws from numpy's global RNG between fractions (not verifiable from the script alone).
    /// </summary>
    public static int[] UniformSequential(int trainCount, double fraction, long seed, IReadOnlyList<double>? fractionOrder = null)
    {
        CheckFraction(fraction);
        fractionOrder ??= [1.0, 0.75, 0.5, 0.25, 0.1];
        if (!fractionOrder.Contains(fraction))
            throw new ScReproException($"fraction {fraction} is not in fraction_order [{string.Join(", ", fractionOrder)}]");
        var rng = new NumpyRandomState(seed);
        foreach (var f in fractionOrder)
        {
            var draw = rng.Choice(trainCount, SampleSize(trainCount, f), replace: false);
            if (f == fraction) return draw;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// scGPT datasets (scGPT_baselines_LR.py and the scGPT fine-tuning script alike):
    /// <c>train_test_split(X, y, train_size=fraction, random_state=seed, shuffle=True, stratify=y)</c>, keeping the train part.
    /// A fraction of 1.0 keeps every cell in its order (sklearn refuses train_size=1.0; the scripts skip the call).
    /// </summary>
    public static int[] Stratified(LabelClasses trainLabels, double fraction, long seed)
    {
        CheckFraction(fraction);
        if (fraction == 1.0) return Enumerable.Range(0, trainLabels.Codes.Length).ToArray();
        return TrainTestSplit.Split(trainLabels.Codes.Length, null, SplitSize.Of(fraction), seed, trainLabels).Train;
    }

    private static int SampleSize(int n, double fraction) => (int)Math.Round(n * fraction, MidpointRounding.ToEven);

    private static void CheckFraction(double fraction)
    {
        if (!(fraction > 0 && fraction <= 1)) throw new ScReproException($"few-shot fraction must be in (0, 1], got {fraction}");
    }
}
