using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;
using ScRepro.Evaluation.Perturbation;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>Input checks as cell-eval's PerturbationAnndataPair and _evaluator.py make them; each is one clear error.</summary>
public sealed class PerturbationPairTests
{
    private static readonly PerturbationEvalOptions Options = new()
    {
        PertCol = "target_gene", ControlPert = "ctrl", RealSource = "real.h5ad", PredSource = "pred.h5ad",
    };

    private static ScRepro.AnnData.AnnotatedData Make(string[] labels, string[] genes, Func<int, int, float> value, string column = "target_gene")
    {
        var dense = new DenseMatrix(labels.Length, genes.Length);
        for (var r = 0; r < labels.Length; r++)
            for (var c = 0; c < genes.Length; c++) dense[r, c] = value(r, c);
        var obs = new DataFrame(labels.Select((_, i) => $"c{i}").ToArray());
        obs.Add(CategoricalColumn.FromLabels(column, labels));
        return new ScRepro.AnnData.AnnotatedData(dense, obs, new DataFrame(genes));
    }

    private static readonly string[] Labels = ["ctrl", "ctrl", "ctrl", "A", "A", "B", "B"];
    private static readonly string[] Genes = ["g1", "g2", "g3"];
    private static float Log(int r, int c) => (float)Math.Log(1 + (r * 3 + c) % 5);

    private static string Fails(ScRepro.AnnData.AnnotatedData real, ScRepro.AnnData.AnnotatedData pred)
    {
        var e = Assert.Throws<ScReproException>(() => PerturbationPair.Create(real, pred, Options));
        Assert.Equal(2, e.ExitCode);
        return e.Message;
    }

    [Fact]
    public void Should_refuse_var_names_in_a_different_order()
    {
        var msg = Fails(Make(Labels, Genes, Log), Make(Labels, ["g1", "g3", "g2"], Log));
        Assert.Contains("pred.h5ad", msg);
        Assert.Contains("var_names[1]", msg);
    }

    [Fact]
    public void Should_refuse_a_different_number_of_genes()
    {
        Assert.Contains("var has 2 genes", Fails(Make(Labels, Genes, Log), Make(Labels, ["g1", "g2"], Log)));
    }

    [Fact]
    public void Should_refuse_different_perturbation_sets()
    {
        var msg = Fails(Make(Labels, Genes, Log), Make(["ctrl", "ctrl", "ctrl", "A", "A", "C", "C"], Genes, Log));
        Assert.Contains("obs['target_gene']", msg);
        Assert.Contains("missing in pred [B]", msg);
        Assert.Contains("missing in real [C]", msg);
    }

    [Fact]
    public void Should_refuse_a_pred_file_without_control_cells()
    {
        var msg = Fails(Make(Labels, Genes, Log), Make(["A", "A", "A", "A", "A", "B", "B"], Genes, Log));
        Assert.Contains("pred.h5ad", msg);
        Assert.Contains("'ctrl'", msg);
    }

    [Fact]
    public void Should_refuse_a_missing_perturbation_column()
    {
        var msg = Fails(Make(Labels, Genes, Log, column: "condition"), Make(Labels, Genes, Log));
        Assert.Contains("real.h5ad", msg);
        Assert.Contains("no column 'target_gene'", msg);
    }

    [Fact]
    public void Should_refuse_log_data_with_negative_values_or_a_maximum_of_15()
    {
        Assert.Contains("negative", Fails(Make(Labels, Genes, (r, c) => Log(r, c) - 0.5f), Make(Labels, Genes, Log)));
        Assert.Contains("≥ 15", Fails(Make(Labels, Genes, Log), Make(Labels, Genes, (r, c) => Log(r, c) + 14.5f)));
    }

    [Fact]
    public void Should_normalise_integer_counts_to_the_median_total_and_log1p_them()
    {
        // Totals per cell are 6, 12, 18, …; scanpy normalize_total (target_sum=None) scales every cell to the median
        // total, then log1p: a cell with counts (1, 2, 3) and total 6 becomes log1p(c · median / 6).
        var counts = Make(Labels, Genes, (r, c) => (r + 1) * (c + 1));
        var pair = PerturbationPair.Create(counts, counts, Options);
        var totals = Enumerable.Range(0, Labels.Length).Select(r => 6.0 * (r + 1)).ToArray();
        var median = totals.Order().ElementAt(totals.Length / 2);
        var x = pair.Real.X.ToDense();
        for (var r = 0; r < Labels.Length; r++)
            for (var c = 0; c < Genes.Length; c++)
                Assert.Equal(Math.Log(1 + (r + 1) * (c + 1) * median / totals[r]), x[r, c], 5);
    }

    [Fact]
    public void Should_keep_integer_counts_with_allow_discrete()
    {
        var counts = Make(Labels, Genes, (r, c) => (r + 1) * (c + 1));
        var pair = PerturbationPair.Create(counts, counts, Options with { AllowDiscrete = true });
        Assert.Equal(6f, pair.Real.X.ToDense()[1, 2]);
    }

    [Fact]
    public void Should_sort_perturbations_by_code_point_without_the_control()
    {
        var labels = new[] { "ctrl", "b", "B", "a", "ctrl" };
        var adata = Make(labels, Genes, Log);
        Assert.Equal(["B", "a", "b"], PerturbationPair.Create(adata, adata, Options).Perturbations);
    }
}
