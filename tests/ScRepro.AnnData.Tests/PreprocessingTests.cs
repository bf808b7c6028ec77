using System.Text.Json;
using ScRepro.AnnData.Matrices;
using ScRepro.AnnData.Preprocessing;
using ScRepro.Testing;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// Preprocessing against tests/fixtures/anndata/preprocess_reference.json, computed by
/// scripts/make_preprocess_reference.py: scanpy 1.9's algorithms re-stated in numpy/pandas (scanpy itself is not
/// installed), on the counts in preprocess_counts.h5ad.
/// </summary>
public sealed class PreprocessingTests
{
    private static readonly JsonElement Ref = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("anndata", "preprocess_reference.json"))).RootElement;
    private static readonly AnnotatedData Counts = AnnDataFile.Read(TestPaths.Fixture("anndata", "preprocess_counts.h5ad"));

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();
    private static bool[] Bools(JsonElement e) => e.EnumerateArray().Select(v => v.GetBoolean()).ToArray();

    private static void Close(double[] expected, double[] actual, double rel)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) { Assert.True(double.IsNaN(actual[i]), $"[{i}] expected NaN, got {actual[i]}"); continue; }
            Assert.True(Math.Abs(expected[i] - actual[i]) <= rel * Math.Max(1, Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    private static void RowsClose(JsonElement rows, Matrix m, double rel)
    {
        var dense = m.ToDense();
        var i = 0;
        foreach (var row in rows.EnumerateArray())
            Close(Doubles(row), dense.Row(i++).ToArray().Select(v => (double)v).ToArray(), rel);
    }

    [Fact]
    public void Should_normalize_total_to_a_target_sum_like_scanpy()
    {
        var x = NormalizeTotal.Apply(Counts.X!, 1e4);
        // Cells with no counts stay at zero; the rest sum to 1e4 (float32 arithmetic).
        Close(Doubles(Ref.GetProperty("normalize_total_1e4_row_sums")), ((CsrMatrix)x).RowSums(), 1e-5);
    }

    [Fact]
    public void Should_normalize_total_to_the_median_total_like_scanpy()
    {
        Assert.Equal(Ref.GetProperty("normalize_total_median").GetDouble(), NormalizeTotal.MedianOfPositive(((CsrMatrix)Counts.X!).RowSums()));
        RowsClose(Ref.GetProperty("normalize_total_median_first_rows"), NormalizeTotal.Apply(Counts.X!).ToDense(Enumerable.Range(0, 6).ToArray()), 1e-5);
    }

    [Fact]
    public void Should_log1p_in_natural_and_base_2()
    {
        var norm = NormalizeTotal.Apply(Counts.X!, 1e4);
        var first6 = Enumerable.Range(0, 6).ToArray();
        RowsClose(Ref.GetProperty("log1p_first_rows"), Log1p.Apply(norm).ToDense(first6), 1e-5);
        RowsClose(Ref.GetProperty("log1p_base2_first_rows"), Log1p.Apply(norm, 2).ToDense(first6), 1e-5);
    }

    [Fact]
    public void Should_select_seurat_hvgs_like_scanpy()
    {
        var log = Log1p.Apply(NormalizeTotal.Apply(Counts.X!, 1e4));
        foreach (var (key, top) in new[] { ("hvg_seurat_cutoffs", (int?)null), ("hvg_seurat_top10", 10) })
        {
            var r = HighlyVariableGenes.Seurat(log, top);
            var e = Ref.GetProperty(key);
            Close(Doubles(e.GetProperty("means")), r.Means, 1e-5);
            Close(Doubles(e.GetProperty("dispersions")), r.Dispersions!, 1e-4);
            Close(Doubles(e.GetProperty("dispersions_norm")), r.DispersionsNorm!, 1e-3);
            Assert.Equal(Bools(e.GetProperty("highly_variable")), r.HighlyVariable);
        }
    }

    [Fact]
    public void Should_select_seurat_v3_hvgs_on_counts()
    {
        var r = HighlyVariableGenes.SeuratV3(Counts.X!, nTopGenes: 10);
        var e = Ref.GetProperty("hvg_seurat_v3_top10");
        Close(Doubles(e.GetProperty("means")), r.Means, 1e-9);
        Close(Doubles(e.GetProperty("variances")), r.Variances!, 1e-9);
        Close(Doubles(e.GetProperty("variances_norm")), r.VariancesNorm!, 1e-6);
        Assert.Equal(Bools(e.GetProperty("highly_variable")), r.HighlyVariable);
        Assert.Equal(10, r.HighlyVariable.Count(h => h));
    }

    [Fact]
    public void Should_fit_a_local_quadratic_exactly_on_a_quadratic()
    {
        // A loess of degree 2 reproduces any quadratic exactly (a property of the method, not a fixture).
        var x = Enumerable.Range(0, 50).Select(i => i / 7.0).ToArray();
        var y = x.Select(v => 3 - 2 * v + 0.5 * v * v).ToArray();
        Close(y, Loess.Fit(x, y, 0.3), 1e-9);
    }

    [Fact]
    public void Should_filter_cells_by_gene_count_and_record_n_genes()
    {
        var (result, kept) = FilterCells.MinGenes(Counts, 10);
        Assert.Equal(Bools(Ref.GetProperty("filter_cells_min_genes_10_kept")), kept);
        var nGenes = Doubles(Ref.GetProperty("n_genes")).Where((_, i) => kept[i]).ToArray();
        Assert.Equal(nGenes, ((Frames.NumericColumn)result.Obs["n_genes"]).Values);
        Assert.Equal(kept.Count(k => k), result.NObs);
        Assert.Equal("int64", result.Obs["n_genes"].PandasDtype);
    }

    [Fact]
    public void Should_bin_each_cell_by_its_quantiles_like_scgpt()
    {
        var log = Log1p.Apply(NormalizeTotal.Apply(Counts.X!, 1e4));
        var rows = Enumerable.Range(4, 6).ToArray();
        var rng = new Random(0);
        var result = QuantileBinning.Apply(AnnDataSubset.SliceRows(log, rows), 51, rng.NextDouble);
        var i = 0;
        foreach (var cell in Ref.GetProperty("binning_51_cells_4_to_9").EnumerateArray())
        {
            Close(Doubles(cell.GetProperty("edges")), result.BinEdges.Float64Data!.Skip(i * 51).Take(51).ToArray(), 1e-6);
            var left = cell.GetProperty("left").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var right = cell.GetProperty("right").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var bins = result.Binned.Row(i).ToArray().Where(v => v != 0).ToArray();
            Assert.Equal(left.Length, bins.Length);
            for (var k = 0; k < bins.Length; k++)
            {
                // scGPT's _digitize: ceil(u·(right−left)+left) lies in [right+1, left] for ties, = left otherwise.
                Assert.InRange(bins[k], Math.Min(left[k], right[k] + 1), left[k]);
            }
            Assert.All(bins, b => Assert.InRange(b, 1, 50));
            i++;
        }
    }
}
