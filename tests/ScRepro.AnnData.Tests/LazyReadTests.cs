using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Tests;

/// <summary>The lazy reader: obs/var without X, and row subsets of X equal to slicing the fully loaded X.</summary>
public sealed class LazyReadTests
{
    [Theory]
    [InlineData("csr_f32")]
    [InlineData("csr_gzip")]
    [InlineData("dense_f32")]
    [InlineData("dense_int32")]
    [InlineData("csc_f64")]
    public void Should_read_a_row_subset_equal_to_slicing_the_whole_X(string name)
    {
        using var f = AnnDataFile.Open(Fixtures.H5ad(name));
        var whole = f.ReadX()!;
        int[] rows = [5, 0, 5, 11, 3, 4, 2];
        var subset = f.ReadXRows(rows);
        Assert.Equal(whole.ToDense(rows).Data, subset.ToDense().Data);
        Assert.Equal(whole.SourceDtype, subset.SourceDtype);
        // Sorted, distinct rows come back in CSR when X is CSR (no densifying on the way).
        if (name.StartsWith("csr", StringComparison.Ordinal)) Assert.IsType<CsrMatrix>(f.ReadXRows([1, 2, 3]));
    }

    [Fact]
    public void Should_read_obs_and_var_without_loading_X()
    {
        using var f = AnnDataFile.Open(Fixtures.H5ad("csr_gzip"));
        var obs = f.ReadObs();
        Assert.Equal(40, f.NObs);
        Assert.Equal(9, f.NVars);
        Assert.Equal("barcode", obs.IndexName); // the fixture names its index
        Assert.Equal("csr_matrix", f.XEncoding);
        Assert.Null(AnnDataFile.Read(Fixtures.H5ad("csr_gzip"), loadX: false).X);
    }

    [Fact]
    public void Should_reject_rows_outside_the_matrix()
    {
        using var f = AnnDataFile.Open(Fixtures.H5ad("csr_f32"));
        Assert.Throws<ArgumentOutOfRangeException>(() => f.ReadXRows([12]));
    }
}
