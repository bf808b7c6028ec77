using ScRepro.Foundation.Errors;
using ScRepro.Splits.Random;

namespace ScRepro.Models.Training;

/// <summary>
/// Validation cells for a split without a val part: 10% of the training cells, as scGPT's tutorial holds out
/// (train_test_split(test_size=0.1, shuffle=True): the first ceil(0.1 n) of a permutation), drawn from a seeded
/// numpy-compatible generator.
/// </summary>
internal static class ValidationHoldout
{
    public const string Note = "10% of the training cells (the split has no val part; the tutorial's train_test_split(test_size=0.1), seeded)";

    public static (int[] Train, int[] Val) Split(int[] trainRows, long seed, string source)
    {
        if (trainRows.Length < 2) throw new ScReproException($"{source}: {trainRows.Length} training cells, too few to hold out validation cells");
        var perm = new NumpyRandomState(seed & 0xffffffff).Permutation(trainRows.Length);
        var nVal = (int)Math.Ceiling(0.1 * trainRows.Length);
        return (perm[nVal..].Select(i => trainRows[i]).ToArray(), perm[..nVal].Select(i => trainRows[i]).ToArray());
    }
}
