using ScRepro.Foundation.Errors;

namespace ScRepro.Splits.Annotation;

/// <summary>sklearn's _validate_shuffle_split: test = ceil(f·n), train = floor(f·n), the other part the rest.</summary>
internal static class ShuffleSplitSizes
{
    public static (int Train, int Test) Resolve(int nSamples, SplitSize? testSize, SplitSize? trainSize, double defaultTestSize)
    {
        if (testSize is null && trainSize is null) testSize = SplitSize.Of(defaultTestSize);
        Check(testSize, "test_size", nSamples);
        Check(trainSize, "train_size", nSamples);
        if (testSize?.Fraction is { } tf && trainSize?.Fraction is { } rf && tf + rf > 1)
            throw new ScReproException($"The sum of test_size and train_size = {tf + rf}, should be in the (0, 1) range");

        double? nTest = testSize is { } t ? (t.Fraction is { } f ? Math.Ceiling(f * nSamples) : t.Count) : null;
        double? nTrain = trainSize is { } r ? (r.Fraction is { } g ? Math.Floor(g * nSamples) : r.Count) : null;
        nTrain ??= nSamples - nTest!.Value;
        nTest ??= nSamples - nTrain.Value;
        if (nTrain + nTest > nSamples)
            throw new ScReproException($"The sum of train_size and test_size = {nTrain + nTest}, should be smaller than the number of samples {nSamples}");
        var (train, test) = ((int)nTrain.Value, (int)nTest.Value);
        if (train == 0)
            throw new ScReproException($"With n_samples={nSamples}, test_size={testSize} and train_size={trainSize}, the resulting train set will be empty");
        return (train, test);
    }

    private static void Check(SplitSize? size, string name, int nSamples)
    {
        if (size is not { } s) return;
        if (s.Count is { } c && (c >= nSamples || c <= 0) || s.Fraction is { } f && (f <= 0 || f >= 1))
            throw new ScReproException($"{name}={s} should be either positive and smaller than the number of samples {nSamples} or a float in the (0, 1) range");
    }
}
