using ScRepro.Evaluation.Perturbation;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>pdex-style DE against the fixture script (its MWU is asserted equal to scipy.stats.mannwhitneyu there).</summary>
public sealed class DifferentialExpressionTests
{
    [Theory]
    [InlineData("basic", "real")]
    [InlineData("basic", "pred")]
    [InlineData("no_pred_signal", "real")]
    [InlineData("no_pred_signal", "pred")]
    public void Should_match_scipy_mannwhitneyu_bh_and_log2_fold_changes(string name, string side)
    {
        var fx = FixtureCase.Load(name);
        var eval = PerturbationEvaluator.Evaluate(fx.Real(), fx.Pred(), new PerturbationEvalOptions
        {
            PertCol = fx.PertCol, ControlPert = fx.Control, ClusteringAgreement = false,
        });
        var table = side == "real" ? eval.RealDe : eval.PredDe;
        foreach (var t in table.Targets)
        {
            Check(fx.ExpectedDe(side, t.Target, "p_value"), t.PValue, $"{name} {side} {t.Target} p");
            Check(fx.ExpectedDe(side, t.Target, "fdr"), t.Fdr, $"{name} {side} {t.Target} fdr");
            Check(fx.ExpectedDe(side, t.Target, "log2_fold_change"), t.Log2FoldChange, $"{name} {side} {t.Target} lfc");
            Check(fx.ExpectedDe(side, t.Target, "statistic"), t.Statistic, $"{name} {side} {t.Target} U1");
        }
    }

    [Fact]
    public void Should_give_p_one_for_a_gene_that_is_zero_everywhere_and_keep_infinite_fold_changes()
    {
        // basic.json: G000 is zero in every cell (all ties → σ² = 0 → p = 1, lfc 0/0 → 0); G005 is zero in control
        // and expressed in PA, so its lfc is +inf (pdex keeps one-sided zeros).
        var fx = FixtureCase.Load("basic");
        var eval = PerturbationEvaluator.Evaluate(fx.Real(), fx.Pred(), new PerturbationEvalOptions
        {
            PertCol = fx.PertCol, ControlPert = fx.Control, ClusteringAgreement = false,
        });
        var pa = eval.RealDe.Find("PA")!;
        Assert.Equal(1.0, pa.PValue[0]);
        Assert.Equal(0.0, pa.Log2FoldChange[0]);
        Assert.Equal(double.PositiveInfinity, pa.Log2FoldChange[5]);
    }

    private static void Check(double?[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var g = 0; g < expected.Length; g++) Tolerance.AssertClose(expected[g], actual[g], $"{what}[{g}]");
    }
}
