using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// Data is validated before it is used (issue 19 item 5): a sparse X that scipy's check_format would refuse is one
/// error naming the file and the element, never an IndexOutOfRangeException later in training.
/// The corrupt files are written by ScRepro's own writer, whose matrices do not check what they are given.
/// </summary>
public sealed class SparseValidationTests
{
    private static string Write(ScRepro.Testing.TempDir dir, Matrix x)
    {
        var path = dir.File("bad.h5ad");
        AnnDataFile.Write(path, new AnnotatedData(x, new DataFrame(["c0", "c1"]), new DataFrame(["g0", "g1", "g2"])));
        return path;
    }

    [Theory]
    // Column index 7 in a 3-column matrix.
    [InlineData(new[] { 0, 1, 2 }, new[] { 0, 7 }, "/X", "indices[1] = 7 is outside 0..2")]
    // A negative index (what an int32 overflow or a corrupt byte leaves).
    [InlineData(new[] { 0, 1, 2 }, new[] { -1, 0 }, "/X", "indices[0] = -1 is outside 0..2")]
    // indptr must start at 0 (scipy: "index pointer should start with 0").
    [InlineData(new[] { 1, 1, 2 }, new[] { 0, 1 }, "/X", "indptr starts at 1, not 0")]
    public void Should_refuse_a_csr_matrix_scipy_would_refuse(int[] indptr, int[] indices, string element, string message)
    {
        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var path = Write(dir, new CsrMatrix(2, 3, indptr, indices, [1f, 2f]));
        foreach (var read in new Action[] { () => AnnDataFile.Read(path), () => { using var r = AnnDataFile.Open(path); r.ReadXRows([0, 1]); } })
        {
            var e = Assert.ThrowsAny<ScReproException>(read);
            Assert.Equal(2, e.ExitCode);
            Assert.Contains(path, e.Message);
            Assert.Contains(element, e.Message);
            Assert.Contains(message, e.Message);
        }
    }

    [Fact]
    public void Should_name_the_first_bad_index_of_a_long_row()
    {
        // 100 stored values in one 3-column row, two of them bad (at 37 and 90): the scan is vectorised (many values
        // per step) but must still name the first offender, as the one-at-a-time check did.
        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var indices = Enumerable.Range(0, 100).Select(k => k % 3).ToArray();
        indices[37] = 3;
        indices[90] = -5;
        var path = Write(dir, new CsrMatrix(2, 3, [0, 100, 100], indices, new float[100]));
        var e = Assert.ThrowsAny<ScReproException>(() => AnnDataFile.Read(path));
        Assert.Contains("indices[37] = 3 is outside 0..2", e.Message);
    }

    [Fact]
    public void Should_name_the_element_of_an_unknown_encoding_of_X()
    {
        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var path = dir.File("odd.h5ad");
        AnnDataFile.Write(path, new AnnotatedData(null, new DataFrame(["a"]), new DataFrame(["g"])));
        using (var f = Hdf5.H5File.OpenReadWrite(path))
        {
            using var g = f.Root.CreateGroup("X");
            g.WriteStringAttribute("encoding-type", "coo_matrix");
            g.WriteStringAttribute("encoding-version", "0.1.0");
        }
        var e = Assert.ThrowsAny<ScReproException>(() => AnnDataFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("/X", e.Message);
        Assert.Contains("coo_matrix", e.Message);
    }

    [Fact]
    public void Should_count_distinct_numeric_values_as_pandas_nunique()
    {
        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var path = dir.File("n.h5ad");
        var obs = new DataFrame(["a", "b", "c", "d", "e", "f"]);
        // pd.Series([1.0, 1.0, nan, 2.0, -0.0, 0.0]).nunique() == 3 (NaN dropped, -0.0 == 0.0).
        obs.Add(new NumericColumn("score", [1.0, 1.0, double.NaN, 2.0, -0.0, 0.0]));
        // pd.Series([3, 3, 4, 5, 5, 5]).nunique() == 3.
        obs.Add(new NumericColumn("n", [3, 3, 4, 5, 5, 5], "int64"));
        AnnDataFile.Write(path, new AnnotatedData(null, obs, new DataFrame(["g"])));
        var summary = AnnDataFile.Inspect(path);
        Assert.Equal(3, summary.ObsColumns["score"].NUnique);
        Assert.Equal(3, summary.ObsColumns["n"].NUnique);
    }

    [Fact]
    public void Should_read_NaN_in_a_float_column_as_missing_not_as_a_label()
    {
        var column = new NumericColumn("label", [1.0, double.NaN]);
        Assert.Equal("1", column.GetString(0));
        Assert.Null(column.GetString(1));
    }
}
