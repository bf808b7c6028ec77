using ScRepro.Baselines.Logistic;
using static ScRepro.Baselines.Tests.Logistic.LiblinearFixture;

namespace ScRepro.Baselines.Tests.Logistic;

/// <summary>
/// The transposed training matrix. Row indices are stored in 16 bits when the training set has at most 65,536 rows
/// and in 32 bits above; the fixture is small, so the 32-bit path is forced here and both must give the same problem
/// and the same fit. The transpose runs in row blocks on several threads and must not depend on their number.
/// </summary>
public sealed class ColumnProblemTests
{
    private static readonly LiblinearFixture F = Instance;
    private static readonly ScRepro.AnnData.Matrices.CsrMatrix X = ExpressionPreprocessing.Apply(F.Counts, Preprocess.Log1p);

    [Fact]
    public void Should_store_the_same_columns_in_16_and_32_bits()
    {
        var narrow = ColumnProblem.FromRows(X, F.Train, bias: 1);
        var wide = ColumnProblem.FromRows(X, F.Train, bias: 1, allowNarrow: false);
        Assert.NotNull(narrow.NarrowRowIdx);
        Assert.Null(narrow.RowIdx);
        Assert.Null(wide.NarrowRowIdx);
        Assert.Equal(wide.ColPtr, narrow.ColPtr);
        Assert.Equal(wide.Values, narrow.Values);
        Assert.Equal(wide.RowIdx!, narrow.NarrowRowIdx!.Select(r => (int)r));
        // The bias column is the last one and holds every row in order.
        Assert.Equal(Enumerable.Range(0, F.Train.Length), wide.RowIdx![wide.ColPtr[^2]..]);
    }

    [Fact]
    public void Should_fit_identical_weights_with_either_width()
    {
        var narrow = ColumnProblem.FromRows(X, F.Train, bias: 1);
        var wide = ColumnProblem.FromRows(X, F.Train, bias: 1, allowNarrow: false);
        var labels = F.LabelsOf(F.Train);
        var positive = labels.Select(l => l == labels[0]).ToArray();
        var (wNarrow, itNarrow) = L1LogisticSolver.Solve(narrow, positive, 1.0, 1e-4, 100, seed: 7);
        var (wWide, itWide) = L1LogisticSolver.Solve(wide, positive, 1.0, 1e-4, 100, seed: 7);
        Assert.Equal(itWide, itNarrow);
        Assert.Equal(wWide, wNarrow);
        // Not a trivial fit: C = 1 leaves some weights nonzero.
        Assert.Contains(wWide, w => w != 0);
    }

    [Fact]
    public void Should_transpose_identically_on_any_number_of_threads()
    {
        // 10,000 random rows: enough for two or more row blocks (a block holds at least 4,096 rows).
        var rng = new Random(5);
        const int rowCount = 10_000, cols = 40;
        var indptr = new int[rowCount + 1];
        var indices = new List<int>();
        var data = new List<float>();
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (rng.NextDouble() >= 0.2) continue;
                indices.Add(c);
                data.Add((float)rng.NextDouble());
            }
            indptr[r + 1] = indices.Count;
        }
        var x = new ScRepro.AnnData.Matrices.CsrMatrix(rowCount, cols, indptr, indices.ToArray(), data.ToArray());
        // Training rows in a shuffled order: the problem's instance i is x's row rows[i].
        var rows = Enumerable.Range(0, rowCount).OrderBy(_ => rng.Next()).Take(9_000).ToArray();
        var serial = ColumnProblem.FromRows(x, rows, bias: 2, allowNarrow: false, maxThreads: 1);
        foreach (var threads in new[] { 2, 3 })
        {
            var parallel = ColumnProblem.FromRows(x, rows, bias: 2, allowNarrow: false, maxThreads: threads);
            Assert.Equal(serial.ColPtr, parallel.ColPtr);
            Assert.Equal(serial.RowIdx!, parallel.RowIdx!);
            Assert.Equal(serial.Values, parallel.Values);
        }

        // And the serial one is the transpose: column c lists, in ascending i, the instances whose row stores c.
        for (var c = 0; c < cols; c++)
        {
            var expected = Enumerable.Range(0, rows.Length).Where(i => x.RowIndices(rows[i]).Contains(c)).ToArray();
            var span = serial.ColPtr[c]..serial.ColPtr[c + 1];
            Assert.Equal(expected, serial.RowIdx![span]);
            Assert.Equal(expected.Select(i => x.RowValues(rows[i])[x.RowIndices(rows[i]).IndexOf(c)]), serial.Values[span]);
        }
        Assert.Equal(Enumerable.Repeat(2f, rows.Length), serial.Values[serial.ColPtr[cols]..]);
    }
}
