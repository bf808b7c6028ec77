using ScRepro.AnnData.Matrices;
using ScRepro.Evaluation.Perturbation.Metrics;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>
/// The blocked distance kernel against the definition: Σ_{i,j} ‖a_i − b_j‖ summed directly in double. The shapes cross
/// several 160-gene chunks, 128-row tiles and 64-cell blocks (the cell-eval fixtures are too small to), and one matrix
/// has unsorted column indices, which takes the unchunked path.
/// </summary>
public sealed class PairwiseDistanceSumTests
{
    private static CsrMatrix Random(int rows, int cols, double density, int seed, bool shuffleRows)
    {
        var rng = new Random(seed);
        var indptr = new int[rows + 1];
        var indices = new List<int>();
        var data = new List<float>();
        for (var r = 0; r < rows; r++)
        {
            var cols_ = Enumerable.Range(0, cols).Where(_ => rng.NextDouble() < density).ToArray();
            if (shuffleRows) rng.Shuffle(cols_);
            indices.AddRange(cols_);
            data.AddRange(cols_.Select(_ => (float)Math.Log(1 + 5 * rng.NextDouble())));
            indptr[r + 1] = indices.Count;
        }
        return new CsrMatrix(rows, cols, indptr, indices.ToArray(), data.ToArray());
    }

    private static double Direct(CsrMatrix x, int[] a, int[] b, bool self)
    {
        var dense = x.ToDense();
        double total = 0;
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++)
            {
                if (self && i == j) continue;
                double d2 = 0;
                for (var g = 0; g < x.Cols; g++) { var d = (double)dense[a[i], g] - dense[b[j], g]; d2 += d * d; }
                total += Math.Sqrt(d2);
            }
        return total;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Should_equal_the_direct_sum_across_chunks_tiles_and_blocks(bool unsortedIndices, bool self)
    {
        var x = Random(rows: 300, cols: 530, density: 0.3, seed: 11, shuffleRows: unsortedIndices);
        var a = self ? Enumerable.Range(0, 150).ToArray() : Enumerable.Range(0, 170).ToArray();
        var b = self ? a : Enumerable.Range(170, 130).ToArray();
        var dense = x.ToDense();
        var centre = Enumerable.Range(0, x.Cols).Select(g => b.Average(r => (double)dense[r, g])).ToArray();
        var actual = PairwiseDistanceSum.Sum(x, a, centre, CentredCells.From(x, b, centre), self, threads: 2);
        var expected = Direct(x, a, b, self);
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * expected, $"{actual} vs {expected}");
    }
}
