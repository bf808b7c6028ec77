using ScRepro.Nightly.Golden;
using ScRepro.Testing;
using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Nightly.Tests;

/// <summary>
/// A golden result against a new one under the project's tolerances.yaml, retrain profile: reproduced band
/// atol 5e-3 + rtol 0.02·|ref|, broken atol 2e-2 + rtol 0.10·|ref| (the file's numbers).
/// </summary>
public sealed class DriftComparerTests
{
    private static readonly ToleranceModel Tolerances = ToleranceModel.Load(Path.Combine(TestPaths.RepoRoot, "manifests", "tolerances.yaml"));

    private static ModelVerdict Compare(ModelResult? golden, ModelResult? now, string? failure = null) =>
        DriftComparer.Compare("additive", golden, now, Tolerances, "retrain", NightlyRunner.Direction, failure).Verdict;

    [Fact]
    public void Should_pass_every_number_of_an_unchanged_result()
    {
        var v = Compare(Results.Make(), Results.Make());
        Assert.Equal(Verdict.Reproduced, v.Verdict);
        // 2 metrics × (mean, median, max) + wall_clock_s (informational) for one seed.
        Assert.Equal(6, v.Counts[VerdictStatus.Pass]);
        Assert.Equal(1, v.Counts[VerdictStatus.Informational]);
    }

    [Fact]
    public void Should_drift_or_break_on_moved_numbers_by_the_retrain_bands()
    {
        // mse 0.25: reproduced within 5e-3 + 0.02·0.25 = 0.01, broken within 2e-2 + 0.1·0.25 = 0.045.
        var drift = Compare(Results.Make(mse: 0.25), Results.Make(mse: 0.27));
        Assert.Equal(Verdict.Drifted, drift.Verdict);
        Assert.Equal(VerdictStatus.Drift, drift.Numbers.Single(n => n.Key == new NumberKey("mse", "mean", 0)).Status);
        var broken = Compare(Results.Make(mse: 0.25), Results.Make(mse: 0.30));
        Assert.Equal(Verdict.Broken, broken.Verdict);
        // Lower mse is better: a big improvement drifts, it does not break.
        Assert.Equal(Verdict.Drifted, Compare(Results.Make(mse: 0.25), Results.Make(mse: 0.10)).Verdict);
    }

    [Fact]
    public void Should_call_a_changed_data_lock_not_comparable_and_name_it()
    {
        var v = Compare(Results.Make(dataLock: new string('a', 64)), Results.Make(dataLock: new string('b', 64), mse: 0.9));
        Assert.Equal(Verdict.Drifted, v.Verdict);
        Assert.All(v.Numbers.Where(n => n.Status != VerdictStatus.Informational), n => Assert.Equal(VerdictStatus.NotComparable, n.Status));
        Assert.Contains("not comparable: data lock changed (aaaaaaaaaaaa → bbbbbbbbbbbb)", v.Reasons);
    }

    [Fact]
    public void Should_call_a_seed_cut_by_the_wall_clock_not_comparable()
    {
        var cut = new TrainingRecord("budget", "max_wall_clock_s", 4, 5, 150.2);
        var v = Compare(Results.Make(), Results.Make(training: cut));
        Assert.Equal(Verdict.Drifted, v.Verdict);
        Assert.Contains("not comparable: seed 0 stopped by the wall-clock cap after 4/5 epochs", v.Reasons);
        // A step limit is part of the recipe: such a run compares as usual.
        Assert.Equal(Verdict.Reproduced, Compare(Results.Make(), Results.Make(training: new TrainingRecord("budget", "max_steps", 4, 5, 50))).Verdict);
    }

    [Fact]
    public void Should_judge_a_changed_recipe_by_its_numbers_and_name_the_change()
    {
        var recipe = new Dictionary<string, string> { ["hyperparameters.alpha"] = "10", ["budget.epochs"] = "5" };
        var same = Compare(Results.Make(), Results.Make(recipe: recipe));
        Assert.Equal(Verdict.Reproduced, same.Verdict);
        Assert.Equal("model recipe changed (hyperparameters.alpha: 1 → 10)", same.Reasons[0]);
        Assert.Equal(Verdict.Broken, Compare(Results.Make(), Results.Make(recipe: recipe, mse: 0.5)).Verdict);
    }

    [Fact]
    public void Should_pass_across_a_library_change_when_the_numbers_held_and_withhold_judgement_when_they_moved()
    {
        var upgraded = Results.Environment with { Libtorch = "2.4.0" };
        var golden = Results.Make(env: Results.Environment with { Libtorch = "2.1.2" });
        Assert.Equal(Verdict.Reproduced, Compare(golden, Results.Make(env: upgraded)).Verdict);
        var moved = Compare(golden, Results.Make(env: upgraded, mse: 0.5));
        Assert.Equal(VerdictStatus.NotComparable, moved.Numbers.Single(n => n.Key == new NumberKey("mse", "mean", 0)).Status);
        Assert.Contains(moved.Reasons, r => r.Contains("libtorch changed (2.1.2 → 2.4.0)", StringComparison.Ordinal));
        // The CPU model and OS are shown in DRIFT.md's environment table but do not decide comparability.
        Assert.Equal(Verdict.Reproduced, Compare(Results.Make(), Results.Make(env: Results.Environment with { Cpu = "Other CPU" })).Verdict);
    }

    [Fact]
    public void Should_report_missing_and_new_models_and_seeds()
    {
        var missing = Compare(Results.Make(), null, "train failed: out of memory");
        Assert.Equal(Verdict.Broken, missing.Verdict);
        Assert.Equal("train failed: out of memory", missing.Reasons[0]);
        Assert.All(missing.Numbers.Where(n => n.Status != VerdictStatus.Informational), n => Assert.Equal(VerdictStatus.Missing, n.Status));
        var added = Compare(null, Results.Make());
        Assert.Equal(Verdict.Drifted, added.Verdict);
        Assert.Contains("no golden file: every number is new until blessed", added.Reasons);
        var seeds = Compare(Results.Make(seeds: [0, 1]), Results.Make(seeds: [0]));
        Assert.Contains(seeds.Numbers, n => n.Key.Seed == 1 && n.Status == VerdictStatus.Missing);
    }

    [Fact]
    public void Should_widen_bands_by_the_goldens_seed_spread_from_three_seeds()
    {
        // Three golden seeds: mse means 0.25, 0.251, 0.252 (Results.Make adds seed × 1e-3): sd 1e-3, 2 sd = 2e-3,
        // below atol + rtol·|ref| = 0.01, so the spread does not widen here; the note appears only when it does.
        var v = Compare(Results.Make(seeds: [0, 1, 2]), Results.Make(seeds: [0, 1, 2]));
        Assert.Equal(Verdict.Reproduced, v.Verdict);
        Assert.DoesNotContain(v.Numbers, n => n.Notes.Any(x => x.Contains("seed spread", StringComparison.Ordinal)));
    }
}
