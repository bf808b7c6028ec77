namespace ScRepro.Splits.Annotation;

/// <summary>
/// sklearn's train_test_split(shuffle=True) as indices: sizes resolved once with the 0.25 default, then
/// StratifiedShuffleSplit (stratify given) or ShuffleSplit with those counts and the same random_state.
/// </summary>
public static class TrainTestSplit
{
    public static (int[] Train, int[] Test) Split(int nSamples, SplitSize? testSize, SplitSize? trainSize, long randomState,
        LabelClasses? stratify = null)
    {
        var (nTrain, nTest) = ShuffleSplitSizes.Resolve(nSamples, testSize, trainSize, 0.25);
        return stratify is null
            ? new ShuffleSplit(SplitSize.OfCount(nTest), SplitSize.OfCount(nTrain), randomState).Split(nSamples)
            : new StratifiedShuffleSplit(SplitSize.OfCount(nTest), SplitSize.OfCount(nTrain), randomState).Split(stratify);
    }
}
