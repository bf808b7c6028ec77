using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// scGPT's reference + query join. Inputs and the expected result were written by anndata 0.8.0
/// (tests/fixtures/anndata/scripts/make_concat.py: var.set_index(var["gene_name"]) then
/// ref.concatenate(query, batch_key="str_batch")); every expected value is read from expected.h5ad.
/// </summary>
public sealed class ConcatTests
{
    private static AnnotatedData Read(string name) => AnnDataFile.Read(TestPaths.Fixture("anndata", "concat", name + ".h5ad"));

    private static AnnotatedData Joined() => AnnDataConcat.Concatenate(
        [VarIndex.FromColumn(Read("reference"), "gene_name"), VarIndex.FromColumn(Read("query"), "gene_name")], "str_batch");

    [Fact]
    public void Should_join_genes_and_stack_cells_as_anndata_concatenate()
    {
        var expected = Read("expected");
        var actual = Joined();
        Assert.Equal(expected.VarNames, actual.VarNames);
        Assert.Equal(expected.ObsNames, actual.ObsNames);
        Assert.Equal(expected.X!.ToDense().Data, actual.X!.ToDense().Data);
        Assert.IsType<CsrMatrix>(actual.X);
    }

    [Fact]
    public void Should_union_obs_columns_and_categories_as_anndata_does()
    {
        var expected = Read("expected");
        var actual = Joined();
        Assert.Equal(expected.Obs.Columns.Select(c => c.Name), actual.Obs.Columns.Select(c => c.Name));
        foreach (var column in expected.Obs.Columns)
        {
            var ours = actual.Obs[column.Name];
            Assert.Equal(column.PandasDtype, ours.PandasDtype);
            if (column is CategoricalColumn k) Assert.Equal(k.Categories, ((CategoricalColumn)ours).Categories);
            for (var i = 0; i < column.Length; i++)
                Assert.Equal(column.GetString(i) is "NaN" ? null : column.GetString(i), ours.GetString(i) is "NaN" ? null : ours.GetString(i));
        }
    }

    [Fact]
    public void Should_keep_equal_var_columns_and_suffix_the_others()
    {
        var expected = Read("expected");
        var actual = Joined();
        Assert.Equal(expected.Var.Columns.Select(c => c.Name).Order(), actual.Var.Columns.Select(c => c.Name).Order());
        foreach (var column in expected.Var.Columns)
            Assert.Equal(Enumerable.Range(0, column.Length).Select(column.GetString), Enumerable.Range(0, column.Length).Select(actual.Var[column.Name].GetString));
    }

    [Fact]
    public void Should_write_a_file_anndata_reads_back_the_same()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir.Path, "joined.h5ad");
        AnnDataFile.Write(path, Joined());
        var back = AnnDataFile.Read(path);
        Assert.Equal(Read("expected").ObsNames, back.ObsNames);
        Assert.Equal(new[] { "0", "1" }, ((CategoricalColumn)back.Obs["str_batch"]).Categories);
    }

    [Fact]
    public void Should_refuse_a_missing_gene_column_naming_it()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => VarIndex.FromColumn(Read("reference"), "gene_symbols"));
        Assert.Contains("gene_symbols", error.Message);
    }
}
