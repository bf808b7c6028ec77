using ScRepro.Evaluation.Perturbation;
using ScRepro.Evaluation.Perturbation.Papers;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>GEARS/scGPT Pearson conventions against celleval_reference.py's paper_pearsons (scipy ttest_ind + pearsonr).</summary>
public sealed class PaperPearsonTests
{
    private static readonly PerturbationEvalOptions Options = new() { PertCol = "target_gene", ControlPert = "ctrl", ClusteringAgreement = false };

    [Fact]
    public void Should_match_the_reference_with_t_test_top_20_genes()
    {
        var fx = FixtureCase.Load("basic");
        var rows = PerturbationEvaluator.Evaluate(fx.Real(), fx.Pred(), Options).Papers;
        var expected = fx.Expected.GetProperty("papers");
        foreach (var row in rows)
        {
            var e = expected.GetProperty(row.Perturbation);
            Assert.Equal("t-test", row.DeGenesSource);
            Assert.Equal(e.GetProperty("de_genes").EnumerateArray().Select(g => fx.Genes[g.GetInt32()]), row.DeGenes);
            Tolerance.AssertClose(FixtureCase.Decode(e.GetProperty("pearson")), row.Pearson, row.Perturbation + " pearson");
            Tolerance.AssertClose(FixtureCase.Decode(e.GetProperty("pearson_de")), row.PearsonDe, row.Perturbation + " pearson_de");
            Tolerance.AssertClose(FixtureCase.Decode(e.GetProperty("pearson_delta")), row.PearsonDelta, row.Perturbation + " pearson_delta");
            Tolerance.AssertClose(FixtureCase.Decode(e.GetProperty("pearson_de_delta")), row.PearsonDeDelta, row.Perturbation + " pearson_de_delta");
        }
    }

    [Fact]
    public void Should_take_the_top_genes_from_uns_rank_genes_groups_cov_all_when_present()
    {
        // GEARS keys its lists by condition_name ("<celltype>_<condition>_<dose>"); the label is one '_' segment.
        var fx = FixtureCase.Load("basic");
        var real = fx.Real();
        var listed = fx.Genes.Skip(30).Take(25).ToArray();
        real.Uns[TopDeGenes.UnsKey] = new Dictionary<string, object?> { ["K562_PA_1+1"] = listed };
        var row = PerturbationEvaluator.Evaluate(real, fx.Pred(), Options).Papers.Single(r => r.Perturbation == "PA");
        Assert.Equal("uns:K562_PA_1+1", row.DeGenesSource);
        Assert.Equal(listed.Take(20), row.DeGenes);
    }

    [Fact]
    public void Should_zero_nan_for_gears_and_keep_it_for_scgpt()
    {
        var rows = new[]
        {
            new PaperPearsonRow("a", 0.5, 0.5, 0.4, 0.6, [], "t-test", false),
            new PaperPearsonRow("b", 0.5, 0.5, double.NaN, 0.2, [], "t-test", false),
        };
        Assert.Equal(0.2, PaperPearsonMetrics.Headline(rows, r => r.PearsonDelta, PaperConvention.Gears), 12);
        Assert.True(double.IsNaN(PaperPearsonMetrics.Headline(rows, r => r.PearsonDelta, PaperConvention.Scgpt)));
        Assert.Equal(0.4, PaperPearsonMetrics.Headline(rows, r => r.PearsonDeDelta, PaperConvention.Scgpt), 12);
    }
}
