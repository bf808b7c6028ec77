using ScRepro.Baselines.Logistic;
using static ScRepro.Baselines.Tests.Logistic.LiblinearFixture;

namespace ScRepro.Baselines.Tests.Logistic;

/// <summary>
/// The solver stores row indices in 16 bits when the training set has at most 65,536 rows and in 32 bits above;
/// the fixture is small, so the 32-bit path is forced here and both must give the same problem and the same fit.
/// </summary>
public sealed class RowIndexWidthTests
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
        var (wNarrow, itNarrow) = L1LogisticSolver.Solve(narrow, positive, 1.0, 1.0, 1e-4, 100, seed: 7);
        var (wWide, itWide) = L1LogisticSolver.Solve(wide, positive, 1.0, 1.0, 1e-4, 100, seed: 7);
        Assert.Equal(itWide, itNarrow);
        Assert.Equal(wWide, wNarrow);
        // Not a trivial fit: C = 1 leaves some weights nonzero.
        Assert.Contains(wWide, w => w != 0);
    }
}
