using ScRepro.Foundation.Errors;
using ScRepro.Splits.Random;

namespace ScRepro.Splits.Annotation;

/// <summary>
/// sklearn.model_selection.StratifiedShuffleSplit (sklearn 1.2, unchanged in later releases): per-class counts by
/// _approximate_mode (ties broken with the RandomState), per-class permutations in sorted class order, then both parts
/// permuted. Boiarsky's fixed PBMC split is <c>new StratifiedShuffleSplit(SplitSize.Of(0.2), null, 2022)</c>.
/// </summary>
public sealed class StratifiedShuffleSplit(SplitSize? testSize, SplitSize? trainSize, long randomState)
{
    /// <summary>Successive splits from one generator, as sklearn's n_splits loop yields them (the first with n_splits=1).</summary>
    public IEnumerable<(int[] Train, int[] Test)> Splits(LabelClasses y, int nSplits = 1)
    {
        var n = y.Codes.Length;
        var (nTrain, nTest) = ShuffleSplitSizes.Resolve(n, testSize, trainSize, 0.1);
        var counts = y.Counts;
        var least = Array.IndexOf(counts, counts.Min());
        if (counts[least] < 2)
            throw new ScReproException($"The least populated class in y ('{y.Classes[least]}') has only 1 member, which is too few; stratified splitting needs at least 2");
        if (nTrain < counts.Length)
            throw new ScReproException($"The train_size = {nTrain} should be greater or equal to the number of classes = {counts.Length}");
        if (nTest < counts.Length)
            throw new ScReproException($"The test_size = {nTest} should be greater or equal to the number of classes = {counts.Length}");
        var byClass = y.IndicesByClass();
        var rng = new NumpyRandomState(randomState);
        for (var s = 0; s < nSplits; s++)
        {
            var nI = ApproximateMode(counts, nTrain, rng);
            var remaining = counts.Select((c, i) => c - nI[i]).ToArray();
            var tI = ApproximateMode(remaining, nTest, rng);
            var train = new List<int>(nTrain);
            var test = new List<int>(nTest);
            for (var i = 0; i < counts.Length; i++)
            {
                var perm = rng.Permutation(counts[i]);
                for (var k = 0; k < nI[i]; k++) train.Add(byClass[i][perm[k]]);
                for (var k = nI[i]; k < nI[i] + tI[i]; k++) test.Add(byClass[i][perm[k]]);
            }
            yield return (rng.Permutation(train), rng.Permutation(test));
        }
    }

    /// <summary>The first split (sklearn: <c>next(sss.split(X, y))</c>).</summary>
    public (int[] Train, int[] Test) Split(LabelClasses y) => Splits(y).First();

    /// <summary>sklearn.utils._approximate_mode: floor of the proportional share, then +1 by largest remainder, ties drawn.</summary>
    public static int[] ApproximateMode(int[] classCounts, int nDraws, NumpyRandomState rng)
    {
        double total = classCounts.Sum();
        var continuous = classCounts.Select(c => c / total * nDraws).ToArray();
        var floored = continuous.Select(Math.Floor).ToArray();
        var needToAdd = (int)(nDraws - floored.Sum());
        if (needToAdd > 0)
        {
            var remainder = continuous.Select((c, i) => c - floored[i]).ToArray();
            foreach (var value in remainder.Distinct().OrderDescending())
            {
                var inds = Enumerable.Range(0, remainder.Length).Where(i => remainder[i] == value).ToArray();
                var addNow = Math.Min(inds.Length, needToAdd);
                foreach (var i in rng.Choice(inds, addNow, replace: false)) floored[i] += 1;
                needToAdd -= addNow;
                if (needToAdd == 0) break;
            }
        }
        return floored.Select(f => (int)f).ToArray();
    }
}
