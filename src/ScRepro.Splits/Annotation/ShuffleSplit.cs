using ScRepro.Splits.Random;

namespace ScRepro.Splits.Annotation;

/// <summary>sklearn's ShuffleSplit: one permutation of all samples; test is its head, train the next n_train.</summary>
public sealed class ShuffleSplit(SplitSize? testSize, SplitSize? trainSize, long randomState)
{
    public (int[] Train, int[] Test) Split(int nSamples)
    {
        var (nTrain, nTest) = ShuffleSplitSizes.Resolve(nSamples, testSize, trainSize, 0.1);
        var perm = new NumpyRandomState(randomState).Permutation(nSamples);
        return (perm[nTest..(nTest + nTrain)], perm[..nTest]);
    }
}
