using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Tests.Perturbation;

public sealed class StatisticsTests
{
    [Theory]
    // scipy.special.erfc at these points (scipy 1.10.1, printed with repr).
    [InlineData(0.3, 0.6713732405408726)]
    [InlineData(1.0, 0.15729920705028516)]
    [InlineData(2.4, 0.0006885138966450789)]
    [InlineData(3.0, 2.2090496998585445e-05)]
    [InlineData(10.0, 2.0884875837625446e-45)]
    [InlineData(26.0, 5.663192408856145e-296)]
    [InlineData(-1.2, 1.9103139782296354)]
    public void Should_compute_erfc_to_near_full_relative_precision(double x, double expected) =>
        // 1e-12: below 2.5 erfc is 1 − erf(series), which costs up to ~3 digits near 2.5; still far below the 1e-5 bar.
        Assert.True(Math.Abs(NormalTail.Erfc(x) - expected) <= 1e-12 * expected, $"erfc({x}) = {NormalTail.Erfc(x):R}");

    [Fact]
    public void Should_adjust_p_values_as_benjamini_hochberg()
    {
        // scipy.stats.false_discovery_control([0.01, 0.04, 0.03, 0.5, 0.02]) (scipy ≥ 1.11 docs example semantics):
        // sorted p·m/rank = 0.05, 0.05, 0.05, 0.05, 0.5, then a running minimum from the top.
        var q = BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.5, 0.02]);
        Assert.Equal([0.05, 0.05, 0.05, 0.5, 0.05], q.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Should_rank_ties_by_their_average_as_rankdata()
    {
        // scipy.stats.rankdata([3, 1, 3, 2, NaN]) with NaN placed last (polars' order): [3.5, 1, 3.5, 2, 5].
        Assert.Equal([3.5, 1, 3.5, 2, 5], Ranking.AverageRanks([3, 1, 3, 2, double.NaN]));
    }

    [Fact]
    public void Should_return_nan_for_constant_inputs_as_scipy_and_polars_do()
    {
        Assert.True(double.IsNaN(Correlation.Pearson([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(Correlation.Spearman([1, 2, 3], [5, 5, 5])));
        Assert.True(double.IsNaN(Correlation.Spearman([1], [2])));
        // scipy.stats.spearmanr([1, 2, 3, 4], [1, 3, 2, 4]).correlation = 0.8
        Assert.Equal(0.8, Correlation.Spearman([1, 2, 3, 4], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void Should_match_sklearn_average_precision_and_roc_auc()
    {
        // sklearn.metrics.average_precision_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.8333333333333333
        // sklearn.metrics.roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.75
        var (ap, auc) = BinaryClassificationCurves.Compute([false, false, true, true], [0.1f, 0.4f, 0.35f, 0.8f]);
        Assert.Equal(0.8333333333333333, ap, 12);
        Assert.Equal(0.75, auc, 12);
    }
}
