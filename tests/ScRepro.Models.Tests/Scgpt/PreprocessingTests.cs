using ScRepro.Splits.Random;
using ScRepro.Models.Scgpt.Preprocessing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class PreprocessingTests
{
    [Fact]
    public void Should_draw_what_numpy_legacy_random_state_draws()
    {
        // binning.json: np.random.seed(5); rand(5), and again seed(5); permutation(17) (numpy 1.24).
        var f = Fixtures.Json("binning.json");
        var rng = new NumpyRandomState(5);
        var expected = f.GetProperty("seed5_rand").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => rng.RandomSample()).ToArray());
        var perm = f.GetProperty("seed5_permutation17").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(perm, new NumpyRandomState(5).Permutation(17));
    }

    [Fact]
    public void Should_bin_each_cell_exactly_as_scgpt_with_the_same_seed()
    {
        // binning.json: scGPT's Preprocessor binning loop (n_bins 11) after np.random.seed(0): the bins,
        // including random tie-breaking across equal edges and an all-zero cell, and the bin edges.
        var f = Fixtures.Json("binning.json");
        var nBins = f.GetProperty("n_bins").GetInt32();
        var rows = Fixtures.Floats2(f.GetProperty("rows"));
        var expected = Fixtures.Longs2(f.GetProperty("binned"));
        var expectedEdges = f.GetProperty("edges").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var rng = new NumpyRandomState(0);
        for (var r = 0; r < rows.Length; r++)
        {
            var bins = ExpressionBinning.BinRow(rows[r], nBins, rng, out var edges);
            Assert.Equal(expected[r], bins);
            Assert.Equal(expectedEdges[r], edges);
        }
        // Row 4 is all ones: its values spread over several bins (spec §3.2's tie example).
        Assert.True(expected[4].Where(b => b > 0).Distinct().Count() > 1);
    }

    [Fact]
    public void Should_map_the_smallest_nonzero_to_1_and_the_largest_to_n_bins_minus_1()
    {
        var bins = ExpressionBinning.BinRow([0f, 0.5f, 3f, 1f, 9f, 0f], 51, new NumpyRandomState(1), out _);
        // numpy 1.24 with the same edges gives [1, 33, 17, 50] for [0.5, 3, 1, 9]; zeros stay 0.
        Assert.Equal([0L, 1, 33, 17, 50, 0], bins);
    }

    [Fact]
    public void Should_refuse_negative_expression()
    {
        Assert.Throws<ArgumentException>(() => ExpressionBinning.BinRow([1f, -1f], 51, new NumpyRandomState(0), out _));
    }

    [Fact]
    public void Should_tokenize_and_pad_as_scgpt_pad_batch_with_the_same_seed()
    {
        // pad_batch.json: tokenize_batch(append_cls, no zero genes) + pad_batch(max_len 6, pad value -2) after np.random.seed(3).
        var f = Fixtures.Json("pad_batch.json");
        var data = Fixtures.Floats2(f.GetProperty("data"));
        var geneIds = f.GetProperty("gene_ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var cells = data.Select(row => CellTokenizer.Tokenize(row, geneIds, f.GetProperty("cls_id").GetInt32(), includeZeroGene: false)).ToList();
        var batch = CellTokenizer.Pad(cells, f.GetProperty("max_len").GetInt32(), f.GetProperty("pad_id").GetInt32(),
            (float)f.GetProperty("pad_value").GetDouble(), new NumpyRandomState(3));
        var ids = Fixtures.Longs2(f.GetProperty("ids"));
        var vals = Fixtures.Floats2(f.GetProperty("values"));
        Assert.Equal(6, batch.Length);
        for (var r = 0; r < ids.Length; r++)
        {
            Assert.Equal(ids[r], batch.GeneIds.Skip(r * 6).Take(6));
            Assert.Equal(vals[r], batch.Values.Skip(r * 6).Take(6));
        }
        // Row 3 has two genes: <cls> + 2 then three pads, masked.
        Assert.Equal([false, false, false, true, true, true], batch.PaddingMask.Skip(18).Take(6));
    }

    [Fact]
    public void Should_keep_zero_genes_when_asked()
    {
        var (ids, vals) = CellTokenizer.Tokenize([0f, 2f], [7, 8], clsId: 9, includeZeroGene: true);
        Assert.Equal([9L, 7, 8], ids);
        Assert.Equal([0f, 0f, 2f], vals);
    }
}
