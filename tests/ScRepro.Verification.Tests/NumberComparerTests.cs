using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Verification.Tests;

/// <summary>
/// The §2.6 rules, number by number. Bands are written here so each expected threshold is visible:
/// reproduced atol 0.01 + rtol 0.1·|ref|, broken atol 0.1 + rtol 0.2·|ref|.
/// </summary>
public sealed class NumberComparerTests
{
    private static readonly MetricBands Bands = new("test", "m", new ToleranceBand(0.01, 0.1), new ToleranceBand(0.1, 0.2), false, false);
    private static readonly NumberKey Key = new("m", "mean", 0);

    private static NumberVerdict Cmp(double? reference, double? observed, Better better = Better.Neither, MetricBands? bands = null,
        long? refNulls = null, long? nowNulls = null, SeedSpread? spread = null, IReadOnlyList<ComparabilityIssue>? issues = null) =>
        NumberComparer.Compare(Key, new MetricSample(reference, refNulls), new MetricSample(observed, nowNulls), bands ?? Bands, better, spread, issues);

    [Theory]
    // ref 1: reproduced admits 0.01 + 0.1 = 0.11, broken 0.1 + 0.2 = 0.3.
    [InlineData(1.0, 1.0, VerdictStatus.Pass)]
    [InlineData(1.0, 1.109, VerdictStatus.Pass)]
    [InlineData(1.0, 0.891, VerdictStatus.Pass)]
    [InlineData(1.0, 1.2, VerdictStatus.Drift)]
    [InlineData(1.0, 0.75, VerdictStatus.Drift)]
    [InlineData(1.0, 1.31, VerdictStatus.Break)]
    [InlineData(1.0, 0.69, VerdictStatus.Break)]
    // ref 0: only atol (0.01 / 0.1), as numpy.isclose.
    [InlineData(0.0, 0.0099, VerdictStatus.Pass)]
    [InlineData(0.0, 0.05, VerdictStatus.Drift)]
    [InlineData(0.0, -0.2, VerdictStatus.Break)]
    public void Should_judge_closeness_as_numpy_isclose_with_two_bands(double reference, double observed, VerdictStatus expected)
    {
        var verdict = Cmp(reference, observed);
        Assert.Equal(expected, verdict.Status);
        Assert.Equal(observed - reference, verdict.Delta!.Value, 12);
    }

    [Fact]
    public void Should_take_the_tolerance_relative_to_the_reference_not_the_new_value()
    {
        // numpy.isclose(a, b) scales rtol by |b|, the reference: |0.25 - 0.1| = 0.15 > 0.01 + 0.1·0.1 = 0.02 → outside,
        // and 0.15 ≤ 0.1 + 0.2·0.1 = 0.12? No → break. Swapped, ref 0.25: 0.15 > 0.01 + 0.025 → and ≤ 0.1 + 0.05 = 0.15 → drift.
        Assert.Equal(VerdictStatus.Break, Cmp(0.1, 0.25).Status);
        Assert.Equal(VerdictStatus.Drift, Cmp(0.25, 0.1).Status);
        Assert.Equal(0.02, Cmp(0.1, 0.25).ReproducedWithin!.Value, 12);
    }

    [Fact]
    public void Should_drift_not_break_when_the_number_got_better_beyond_both_bands()
    {
        // §2.6 two-sided: a reproduction that got better is still not reproduced, but it is not a regression.
        Assert.Equal(VerdictStatus.Drift, Cmp(1.0, 2.0, Better.Higher).Status);
        Assert.Contains("better than the reproduced band", Cmp(1.0, 2.0, Better.Higher).Reason);
        Assert.Equal(VerdictStatus.Break, Cmp(1.0, 2.0, Better.Lower).Status);
        Assert.Equal(VerdictStatus.Drift, Cmp(1.0, 0.1, Better.Lower).Status);
        Assert.Equal(VerdictStatus.Break, Cmp(1.0, 2.0, Better.Neither).Status);
        // Better but inside the reproduced band is a pass.
        Assert.Equal(VerdictStatus.Pass, Cmp(1.0, 1.05, Better.Higher).Status);
    }

    [Fact]
    public void Should_treat_both_nan_or_null_as_equal_and_one_as_a_break()
    {
        Assert.Equal(VerdictStatus.Pass, Cmp(double.NaN, double.NaN).Status);
        Assert.Equal(VerdictStatus.Pass, Cmp(null, null).Status);
        Assert.Equal(VerdictStatus.Pass, Cmp(null, double.NaN).Status);   // JSON writes NaN as null
        Assert.Equal(VerdictStatus.Break, Cmp(0.5, double.NaN).Status);
        Assert.Equal(VerdictStatus.Break, Cmp(null, 0.5).Status);
        Assert.Contains("now NaN/null, reference 0.5", Cmp(0.5, null).Reason);
        Assert.Equal(VerdictStatus.Pass, Cmp(double.PositiveInfinity, double.PositiveInfinity).Status);
        Assert.Equal(VerdictStatus.Break, Cmp(double.PositiveInfinity, 1e308).Status);
    }

    [Fact]
    public void Should_break_on_a_changed_null_count_even_when_the_value_is_equal()
    {
        var verdict = Cmp(0.5, 0.5, refNulls: 0, nowNulls: 1);
        Assert.Equal(VerdictStatus.Break, verdict.Status);
        Assert.Equal("null count changed (0 → 1)", verdict.Reason);
        Assert.Equal(VerdictStatus.Pass, Cmp(0.5, 0.5, refNulls: 2, nowNulls: 2).Status);
        var count = NumberComparer.Compare(Key, new MetricSample(0.5, 0, 21), new MetricSample(0.5, 0, 20), Bands);
        Assert.Equal(VerdictStatus.Break, count.Status);
        Assert.Contains("count changed (21 → 20)", count.Reason);
    }

    [Fact]
    public void Should_widen_a_band_by_the_seeds_spread_only_with_three_seeds_or_more()
    {
        var seedAware = new MetricBands("retrain", "m", new ToleranceBand(0.01, 0, 2), new ToleranceBand(0.02, 0, 4), false, false);
        // sd of {0.9, 1.0, 1.1} (ddof 1) = 0.1 → reproduced 2·0.1 = 0.2, broken 4·0.1 = 0.4.
        var spread = SeedSpread.Of([0.9, 1.0, 1.1]);
        Assert.Equal(0.1, spread.Sd, 12);
        var inside = Cmp(1.0, 1.15, bands: seedAware, spread: spread);
        Assert.Equal(VerdictStatus.Pass, inside.Status);
        Assert.Contains(inside.Notes, n => n.Contains("seed spread", StringComparison.Ordinal));
        Assert.Equal(VerdictStatus.Drift, Cmp(1.0, 1.3, bands: seedAware, spread: spread).Status);
        Assert.Equal(VerdictStatus.Break, Cmp(1.0, 1.5, bands: seedAware, spread: spread).Status);
        // Two seeds: no spread is trusted, only atol.
        Assert.Equal(VerdictStatus.Break, Cmp(1.0, 1.15, bands: seedAware, spread: SeedSpread.Of([0.9, 1.1])).Status);
        // A spread never narrows the band below atol + rtol·|ref|.
        Assert.Equal(VerdictStatus.Pass, Cmp(1.0, 1.009, bands: seedAware, spread: SeedSpread.Of([1.0, 1.0, 1.0])).Status);
        // NaN seeds are left out of the spread.
        Assert.Equal(2, SeedSpread.Of([1.0, double.NaN, null, 2.0]).Seeds);
    }

    [Fact]
    public void Should_widen_a_band_below_one_item_to_one_over_n_and_say_so()
    {
        var fraction = new MetricBands("retrain", "accuracy", new ToleranceBand(1e-4, 0), new ToleranceBand(5e-4, 0), false, true);
        // 700 test cells: one more correct cell moves accuracy by 1/700 = 0.00142857; 1e-4 could never admit it.
        var one = NumberComparer.Compare(new NumberKey("accuracy"), new MetricSample(560.0 / 700, Items: 700),
            new MetricSample(561.0 / 700, Items: 700), fraction);
        Assert.Equal(VerdictStatus.Pass, one.Status);
        Assert.Contains(one.Notes, n => n.Contains("1/n = 1/700", StringComparison.Ordinal));
        var two = NumberComparer.Compare(new NumberKey("accuracy"), new MetricSample(560.0 / 700, Items: 700),
            new MetricSample(562.0 / 700, Items: 700), fraction);
        Assert.Equal(VerdictStatus.Break, two.Status);   // two cells is outside the broken band widened to 1/700
        // Without n, or for a metric that is not a fraction, no widening.
        Assert.Equal(VerdictStatus.Break, NumberComparer.Compare(new NumberKey("accuracy"), new MetricSample(0.8), new MetricSample(0.8 + 1.0 / 700), fraction).Status);
        Assert.Equal(VerdictStatus.Break, NumberComparer.Compare(new NumberKey("m"), new MetricSample(0.8, Items: 700),
            new MetricSample(0.8 + 1.0 / 700, Items: 700), fraction with { Fraction = false }).Status);
    }

    [Fact]
    public void Should_mark_a_number_not_comparable_when_a_definition_input_changed_whatever_it_did()
    {
        var issues = Comparability.Compare(
            [new InputIdentity("data_lock", new string('a', 64)), new InputIdentity("split_membership", "s1")],
            [new InputIdentity("data_lock", new string('b', 64)), new InputIdentity("split_membership", "s1")]);
        var equal = Cmp(1.0, 1.0, issues: issues);
        Assert.Equal(VerdictStatus.NotComparable, equal.Status);
        Assert.Equal(VerdictStatus.Pass, equal.Measured);
        Assert.Equal("not comparable: data lock changed (aaaaaaaaaaaa → bbbbbbbbbbbb)", equal.Reason);
        Assert.Equal(VerdictStatus.NotComparable, Cmp(1.0, 9.0, issues: issues).Status);
    }

    [Fact]
    public void Should_pass_a_number_that_reproduced_across_an_environment_change_and_withhold_judgement_otherwise()
    {
        var issues = Comparability.Compare(
            [new InputIdentity("libtorch", "2.1.2", ChangeKind.Environment)],
            [new InputIdentity("libtorch", "2.4.0", ChangeKind.Environment)]);
        var same = Cmp(1.0, 1.0, issues: issues);
        Assert.Equal(VerdictStatus.Pass, same.Status);
        Assert.Contains("reproduced across: libtorch changed (2.1.2 → 2.4.0)", same.Notes);
        var moved = Cmp(1.0, 2.0, issues: issues);
        Assert.Equal(VerdictStatus.NotComparable, moved.Status);
        Assert.Equal(VerdictStatus.Break, moved.Measured);
    }

    [Fact]
    public void Should_mark_a_run_cut_short_as_not_comparable_with_its_reason()
    {
        var issue = ComparabilityIssue.RunCondition("stopping", "stopped by the wall-clock cap after 4/5 epochs");
        var verdict = Cmp(1.0, 1.0, issues: [issue]);
        Assert.Equal(VerdictStatus.NotComparable, verdict.Status);
        Assert.Equal("not comparable: stopped by the wall-clock cap after 4/5 epochs", verdict.Reason);
    }

    [Fact]
    public void Should_name_inputs_that_one_side_does_not_record()
    {
        var issues = Comparability.Compare([new InputIdentity("evaluator", "screpro-eval/1")], [new InputIdentity("data_lock", "x")]);
        Assert.Equal(["data lock not recorded in the reference (now x)", "evaluator version not known now (reference screpro-eval/1)"],
            issues.Select(i => i.Reason));
        Assert.Empty(Comparability.Compare([new InputIdentity("a", "1"), new InputIdentity("b", "2")], [new InputIdentity("b", "2"), new InputIdentity("a", "1")]));
        Assert.Throws<ArgumentException>(() => Comparability.Compare([new InputIdentity("a", "1"), new InputIdentity("a", "2")], []));
    }

    [Fact]
    public void Should_show_informational_metrics_without_gating()
    {
        var wall = Bands with { Metric = "wall_clock_s", Informational = true };
        var verdict = NumberComparer.Compare(new NumberKey("wall_clock_s"), new MetricSample(60), new MetricSample(150), wall);
        Assert.Equal(VerdictStatus.Informational, verdict.Status);
        Assert.Equal(90, verdict.Delta);
        Assert.Equal(Verdict.Reproduced, Verdicts.Of(verdict.Status));
    }

    [Fact]
    public void Should_compare_sets_with_missing_and_new_numbers()
    {
        var reference = new Dictionary<NumberKey, MetricSample>
        {
            [new("mse", "mean", 0)] = new(0.5), [new("mae", "mean", 0)] = new(0.3), [new("pearson_delta", "mean", 0)] = new(0.8),
        };
        var observed = new Dictionary<NumberKey, MetricSample>
        {
            [new("mse", "mean", 0)] = new(0.5), [new("pearson_delta", "mean", 0)] = new(0.85), [new("energy", "mean", 0)] = new(1.0),
        };
        var rows = NumberComparer.CompareAll(reference, observed, _ => Bands, k => k.Metric == "pearson_delta" ? Better.Higher : Better.Lower);
        Assert.Equal(["energy", "mae", "mse", "pearson_delta"], rows.Select(r => r.Key.Metric));
        Assert.Equal([VerdictStatus.New, VerdictStatus.Missing, VerdictStatus.Pass, VerdictStatus.Pass], rows.Select(r => r.Status));
    }

    [Fact]
    public void Should_roll_up_a_model_to_its_worst_number_with_reasons()
    {
        var rows = new[] { Cmp(1.0, 1.0), Cmp(1.0, 1.2), Cmp(1.0, 1.0) };
        var model = ModelVerdict.Of("additive", rows);
        Assert.Equal(Verdict.Drifted, model.Verdict);
        Assert.Equal(VerdictStatus.Drift, model.Worst);
        Assert.Equal("1 drift · 2 pass", model.CountsLine());
        Assert.StartsWith("m.mean (seed 0): drift,", model.Reasons.Single());
        Assert.Equal(VerdictStatus.Drift, model.Numbers[0].Status);   // worst first

        Assert.Equal(Verdict.Broken, ModelVerdict.Of("a", [Cmp(1.0, 1.0), NumberComparer.Missing(Key, new MetricSample(1.0))]).Verdict);
        Assert.Equal(Verdict.Drifted, ModelVerdict.Of("a", [NumberComparer.New(Key, new MetricSample(1.0))]).Verdict);
        Assert.Equal(Verdict.Reproduced, ModelVerdict.Of("a", [Cmp(1.0, 1.0)]).Verdict);
        var failed = ModelVerdict.Of("a", [Cmp(1.0, 1.0)], ["Train failed: out of memory"]);
        Assert.Equal(Verdict.Broken, failed.Verdict);
        Assert.Equal("Train failed: out of memory", failed.Reasons[0]);
        var nc = ModelVerdict.Of("a", [Cmp(1.0, 1.0, issues: [ComparabilityIssue.RunCondition("stopping", "cut short")])]);
        Assert.Equal(Verdict.Drifted, nc.Verdict);
        Assert.Equal(["not comparable: cut short"], nc.Reasons);
    }

    [Fact]
    public void Should_order_statuses_worst_first_and_name_them()
    {
        Assert.Equal(
            ["break", "missing", "drift", "new", "not_comparable", "pass", "informational"],
            Enum.GetValues<VerdictStatus>().Order().Select(Verdicts.Name));
        Assert.Equal(Verdict.Broken, Verdicts.Worst([VerdictStatus.Pass, VerdictStatus.Missing, VerdictStatus.Drift]));
        Assert.Equal(Verdict.Reproduced, Verdicts.Worst(Array.Empty<VerdictStatus>()));
        Assert.Equal("DRIFTED", Verdicts.Name(Verdict.Drifted));
    }

    [Fact]
    public void Should_judge_numbers_across_a_recipe_change_and_name_it()
    {
        // A changed hyperparameter is what a nightly run is for: the numbers say whether it mattered.
        var recipe = new ComparabilityIssue("model_recipe", "model recipe changed (hyperparameters.alpha: 1 → 10)", ChangeKind.Recipe);
        var moved = Cmp(1.0, 2.0, issues: [recipe]);
        Assert.Equal(VerdictStatus.Break, moved.Status);
        Assert.Contains("judged across: model recipe changed (hyperparameters.alpha: 1 → 10)", moved.Notes);
        Assert.Equal(VerdictStatus.Pass, Cmp(1.0, 1.0, issues: [recipe]).Status);
        var model = ModelVerdict.Of("a", [moved], notes: [recipe.Reason]);
        Assert.Equal(recipe.Reason, model.Reasons[0]);
        Assert.Equal(Verdict.Broken, model.Verdict);
    }
}
