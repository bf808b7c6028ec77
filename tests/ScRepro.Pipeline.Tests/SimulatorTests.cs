using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Simulation;

namespace ScRepro.Pipeline.Tests;

public sealed class SimulatorTests
{
    private static PerturbationSimulator.Settings Small => new(Genes: 60, Targets: 6, Pairs: 5, ControlCells: 50,
        CellsPerPerturbation: 10, NetworkDensity: 0.05, NonAdditiveFraction: 0.4, Dispersion: 8, LibrarySize: 2000, ActivationLogFold: 2.5);

    [Fact]
    public void Should_give_identical_data_for_the_same_seed_and_different_data_for_another()
    {
        var a = PerturbationSimulator.Simulate(Small, 7);
        var b = PerturbationSimulator.Simulate(Small, 7);
        var c = PerturbationSimulator.Simulate(Small, 8);
        var xa = (CsrMatrix)a.Layers["counts"];
        Assert.Equal(xa.Data, ((CsrMatrix)b.Layers["counts"]).Data);
        Assert.Equal(xa.Indices, ((CsrMatrix)b.Layers["counts"]).Indices);
        Assert.NotEqual(xa.Data, ((CsrMatrix)c.Layers["counts"]).Data);
    }

    [Fact]
    public void Should_shape_conditions_like_gears_norman()
    {
        var adata = PerturbationSimulator.Simulate(Small, 7);
        var condition = (CategoricalColumn)adata.Obs["condition"];
        Assert.Contains("ctrl", condition.Categories);
        // 6 singles "X+ctrl", 5 pairs "X+Y", and the control: 12 categories.
        Assert.Equal(12, condition.Categories.Length);
        Assert.Equal(6, condition.Categories.Count(c => c.EndsWith("+ctrl", StringComparison.Ordinal)));
        Assert.Equal(50 + 11 * 10, adata.NObs);
        // Every gene named in a condition is a measured gene (GEARS needs targets in var).
        var genes = adata.VarNames.ToHashSet();
        Assert.All(condition.Categories.Where(c => c != "ctrl").SelectMany(c => c.Split('+')).Where(g => g != "ctrl"), g => Assert.Contains(g, genes));
    }

    [Fact]
    public void Should_store_log1p_of_counts_normalised_to_1e4()
    {
        var adata = PerturbationSimulator.Simulate(Small, 3);
        var x = (CsrMatrix)adata.X!;
        var counts = (CsrMatrix)adata.Layers["counts"];
        // Row 0 by hand: log1p(count * 1e4 / total).
        var total = counts.RowValues(0).ToArray().Sum(v => (double)v);
        var k = 0;
        Assert.Equal(Math.Log(1 + counts.RowValues(0)[k] * 1e4 / total), x.RowValues(0)[k], 5);
    }

    [Fact]
    public void Should_raise_the_target_gene_of_a_single_perturbation()
    {
        var adata = PerturbationSimulator.Simulate(Small, 11);
        var x = adata.X!.ToDense();
        var labels = (CategoricalColumn)adata.Obs["condition"];
        var single = labels.Categories.First(c => c.EndsWith("+ctrl", StringComparison.Ordinal));
        var gene = Array.IndexOf(adata.VarNames, single.Split('+')[0]);
        double Mean(string cond) => Enumerable.Range(0, adata.NObs).Where(i => labels.GetString(i) == cond).Average(i => x[i, gene]);
        // CRISPRa with log-fold 2.5 on the target: its mean log expression must rise well above control.
        Assert.True(Mean(single) > Mean("ctrl") + 1.0, $"{single}: {Mean(single)} vs ctrl {Mean("ctrl")}");
    }

    [Fact]
    public void Should_make_imbalanced_annotation_classes()
    {
        var settings = new AnnotationSimulator.Settings(Cells: 1000, Genes: 50, Types: 10, Donors: 3, MarkersPerType: 5,
            Imbalance: 0.72, MarkerLogFold: 1.6, DonorEffect: 0.25, Dispersion: 6, LibrarySize: 2000);
        var adata = AnnotationSimulator.Simulate(settings, 5);
        var labels = (CategoricalColumn)adata.Obs["cell_type"];
        var counts = labels.Codes.GroupBy(c => c).Select(g => g.Count()).OrderDescending().ToList();
        Assert.Equal(10, counts.Count);
        // Geometric weights 0.72^t: the largest class is about 0.72^-9 ≈ 19x the smallest; demand at least 5x.
        Assert.True(counts[0] > 5 * counts[^1], string.Join(",", counts));
        Assert.Equal(3, ((CategoricalColumn)adata.Obs["donor"]).Categories.Length);
    }

    [Fact]
    public void Should_make_t_subtypes_closer_to_each_other_than_to_other_lineages()
    {
        var settings = new AnnotationSimulator.Settings(Cells: 3000, Genes: 200, Types: 10, Donors: 2, MarkersPerType: 12,
            Imbalance: 0.85, MarkerLogFold: 1.6, DonorEffect: 0.1, Dispersion: 6, LibrarySize: 3000, SubtypeLogFold: 0.5);
        var adata = AnnotationSimulator.Simulate(settings, 11);
        var labels = (CategoricalColumn)adata.Obs["cell_type"];
        var x = adata.X!.ToDense();
        // Mean log1p profile per type; distances between type means are what a classifier has to separate.
        double[] Profile(string type)
        {
            var code = Array.IndexOf(labels.Categories, type);
            var rows = Enumerable.Range(0, adata.NObs).Where(r => labels.Codes[r] == code).ToList();
            return Enumerable.Range(0, adata.NVars).Select(g => rows.Average(r => Math.Log(1 + x[r, g]))).ToArray();
        }
        static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (u, v) => (u - v) * (u - v)).Sum());
        var cd8 = Profile("CD8+ Cytotoxic T");
        var naiveCd8 = Profile("CD8+/CD45RA+ Naive Cytotoxic");
        var b = Profile("CD19+ B");
        // Same lineage (shared strong markers, weak subtype ones) versus another lineage: expect a clear gap.
        Assert.True(2 * Distance(cd8, naiveCd8) < Distance(cd8, b), $"T-T {Distance(cd8, naiveCd8):F3}, T-B {Distance(cd8, b):F3}");
    }
}
