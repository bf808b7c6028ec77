using ScRepro.Evaluation.Perturbation.Results;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>polars DataFrame.describe() rules (cell-eval-metrics.md §5.3).</summary>
public sealed class MetricSummaryTests
{
    [Fact]
    public void Should_take_the_upper_middle_value_as_the_median_of_an_even_count()
    {
        // index = round((4 − 1)·0.5) = round(1.5) = 2 half away from zero → the third sorted value, not the average.
        var s = MetricSummary.Describe("m", [4.0, 1.0, 3.0, 2.0]);
        Assert.Equal(3.0, s.Median);
        Assert.Equal(2.0, s.Q25);   // round(0.75) = 1
        Assert.Equal(3.0, s.Q75);   // round(2.25) = 2
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), s.Std!.Value, 12);
    }

    [Fact]
    public void Should_skip_nulls_but_let_nan_poison_mean_and_std_only()
    {
        var s = MetricSummary.Describe("m", [1.0, null, double.NaN, 3.0]);
        Assert.Equal(3, s.Count);
        Assert.Equal(1, s.NullCount);
        Assert.True(double.IsNaN(s.Mean!.Value));
        Assert.True(double.IsNaN(s.Std!.Value));
        Assert.Equal(1.0, s.Min);
        Assert.Equal(3.0, s.Max);
        Assert.True(double.IsNaN(s.Q75!.Value)); // NaN sorts last: [1, 3, NaN], index round(1.5) = 2
        Assert.Equal(3.0, s.Median);            // index round(1.0) = 1
    }

    [Fact]
    public void Should_leave_every_statistic_null_when_there_is_no_value()
    {
        var s = MetricSummary.Describe("m", [null, null]);
        Assert.Equal(0, s.Count);
        Assert.Equal(2, s.NullCount);
        Assert.Null(s.Mean);
        Assert.Null(s.Median);
        Assert.Null(s.Max);
    }

    [Fact]
    public void Should_have_no_std_for_a_single_value() => Assert.Null(MetricSummary.Describe("m", [0.4]).Std);
}
