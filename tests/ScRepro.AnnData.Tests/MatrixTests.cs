using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Tests;

/// <summary>CSR/CSC operations checked against the same operation on the dense matrix (computed by hand here).</summary>
public sealed class MatrixTests
{
    // 3×4: [[1,0,2,0],[0,0,0,0],[0,3,0,4]]
    private static readonly DenseMatrix Dense = new(3, 4, [1, 0, 2, 0, 0, 0, 0, 0, 0, 3, 0, 4]);
    private static readonly CsrMatrix Csr = CsrMatrix.FromDense(Dense);

    [Fact]
    public void Should_slice_rows_in_any_order() =>
        Assert.Equal(new float[] { 0, 3, 0, 4, 1, 0, 2, 0, 0, 3, 0, 4 }, Csr.SliceRows([2, 0, 2]).ToDense().Data);

    [Fact]
    public void Should_select_columns_in_the_order_given()
    {
        var s = Csr.SelectColumns([3, 0]);
        Assert.Equal(new float[] { 0, 1, 0, 0, 4, 0 }, s.ToDense().Data);
        Assert.Equal(new[] { 0 }, s.RowIndices(2).ToArray()); // row 2 keeps only column 3 → new index 0
    }

    [Fact]
    public void Should_sum_and_average_rows_and_columns()
    {
        Assert.Equal([3.0, 0, 7], Csr.RowSums());
        Assert.Equal([1.0, 3, 2, 4], Csr.ColSums());
        Assert.Equal([0.75, 0, 1.75], Csr.RowMeans());
        Assert.Equal([1 / 3.0, 1, 2 / 3.0, 4 / 3.0], Csr.ColMeans());
        Assert.Equal(Csr.RowSums(), Dense.RowSums());
        Assert.Equal(Csr.ColSums(), Dense.ColSums());
    }

    [Fact]
    public void Should_convert_between_csr_and_csc()
    {
        var csc = Csr.ToCsc();
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, csc.IndPtr);
        Assert.Equal(Dense.Data, csc.ToDense().Data);
        Assert.Equal(Csr.IndPtr, csc.ToCsr().IndPtr);
        Assert.Equal(Csr.Data, csc.ToCsr().Data);
    }

    [Fact]
    public void Should_give_dense_blocks_of_rows() =>
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 3, 0, 4 }, Csr.ToDenseBlock(1, 2).Data);
}
