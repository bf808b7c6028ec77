using ScRepro.Splits.Random;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Perturbation;
using ScRepro.Models.Scgpt.Preprocessing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class PerturbationDataTests
{
    // 5 cells × 4 genes: two controls, two "B+ctrl" cells, one "A+C" cell.
    private static PerturbationDataset Data() => new(
        new DenseMatrix(5, 4, [
            1, 0, 2, 0,
            3, 0, 2, 0,
            1, 5, 2, 0,
            1, 7, 2, 0,
            9, 0, 2, 4]),
        ["ctrl", "ctrl", "B+ctrl", "B+ctrl", "A+C"], ["A", "B", "C", "D"], "ctrl", "t.h5ad");

    [Fact]
    public void Should_pair_perturbed_cells_with_seeded_controls_and_controls_with_themselves()
    {
        var d = Data();
        var pairs = d.Pairs(new HashSet<string> { "ctrl", "B+ctrl" }, new NumpyRandomState(0));
        Assert.Equal(4, pairs.Count);
        Assert.Equal(new CellPair(0, 0), pairs[0]);
        Assert.Equal(new CellPair(1, 1), pairs[1]);
        Assert.All(pairs.Skip(2), p => Assert.Contains(p.Control, d.ControlCells));
        Assert.Equal(pairs, d.Pairs(new HashSet<string> { "ctrl", "B+ctrl" }, new NumpyRandomState(0))); // same seed, same draws
    }

    [Fact]
    public void Should_flag_the_perturbed_genes_and_take_values_from_the_control()
    {
        var d = Data();
        var batch = PerturbationBatch.Build(d, [new CellPair(1, 4)], [0, 1, 2, 3], [10, 11, 12, 13]);
        Assert.Equal([10L, 11, 12, 13], batch.Src);
        Assert.Equal([3f, 0, 2, 0], batch.Values);     // control cell 1
        Assert.Equal([9f, 0, 2, 4], batch.Target);     // perturbed cell 4
        Assert.Equal([1L, 0, 1, 0], batch.Flags);      // A and C
    }

    [Fact]
    public void Should_subsample_one_shared_gene_subset_only_when_the_genes_do_not_fit()
    {
        Assert.Equal([0, 1, 2, 3], PerturbationBatch.SelectPositions(4, 1536, new NumpyRandomState(0)));
        var sub = PerturbationBatch.SelectPositions(4, 2, new NumpyRandomState(0));
        Assert.Equal(2, sub.Distinct().Count());
        var batch = PerturbationBatch.Build(Data(), [new CellPair(0, 2), new CellPair(1, 3)], sub, [10, 11, 12, 13]);
        Assert.Equal(4, batch.Src.Length);
        Assert.Equal(batch.Src[..2], batch.Src[2..]); // same genes for every cell of the batch
    }

    [Fact]
    public void Should_compute_pearson_delta_against_the_control_mean()
    {
        // Perfect prediction: pearson and pearson_delta are 1; a flipped delta gives -1 (hand-computed).
        var ctrl = new[] { 1.0, 1, 1, 1 };
        var truth = new[] { 2.0, 1, 0, 1 };
        var perfect = PerturbationMetrics.Compute(new Dictionary<string, (double[], double[])> { ["X"] = (truth, truth) }, ctrl);
        Assert.Equal(1.0, perfect["pearson_delta"], 12);
        var flipped = PerturbationMetrics.Compute(new Dictionary<string, (double[], double[])> { ["X"] = ([0.0, 1, 2, 1], truth) }, ctrl);
        Assert.Equal(-1.0, flipped["pearson_delta"], 12);
        Assert.Equal(2.0, flipped["mse"], 12); // ((−2)² + 0 + 2² + 0) / 4
    }

    [Fact]
    public void Should_reject_data_without_control_cells()
    {
        var e = Assert.Throws<ScReproException>(() => new PerturbationDataset(new DenseMatrix(1, 1), ["A+ctrl"], ["A"], "ctrl", "t.h5ad"));
        Assert.Contains("t.h5ad", e.Message);
        Assert.Contains("'ctrl'", e.Message);
    }
}
