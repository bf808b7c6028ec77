using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Training;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Training;

public sealed class BudgetTrackerTests
{
    private static BudgetTracker Tracker(TrainingBudget b, Func<double>? clock = null, bool higher = true) =>
        new(b, "pearson_delta", higher, new TrainProgress(), clock ?? (() => 0));

    /// <summary>Runs epochs of <paramref name="steps"/> steps with the given validation values until the tracker stops.</summary>
    private static void Run(BudgetTracker t, int steps, params double[] vals)
    {
        var e = 0;
        while (t.CanStartEpoch())
        {
            var s = 0;
            while (s < steps && t.CanStep()) { t.RecordStep(64); s++; }
            t.EndEpoch(0.1, vals[e++], complete: s == steps);
        }
    }

    [Fact]
    public void Should_stop_at_max_epochs_and_keep_the_best_epoch()
    {
        var t = Tracker(new TrainingBudget(Epochs: 3));
        Run(t, 2, 0.1, 0.5, 0.4);
        Assert.Equal(StopReason.MaxEpochs, t.Reason);
        Assert.Equal((3, 6L, 384L), (t.Progress.EpochsCompleted, t.Progress.GradientSteps, t.Progress.CellsSeen));
        Assert.Equal((0.5, 2), (t.Progress.BestValue, t.Progress.BestEpoch));
    }

    [Fact]
    public void Should_stop_early_after_patience_epochs_without_improvement()
    {
        var t = Tracker(new TrainingBudget(Epochs: 15, EarlyStoppingMetric: "pearson_delta", Patience: 2));
        Run(t, 1, 0.3, 0.2, 0.3, 0.9);
        Assert.Equal(StopReason.EarlyStop, t.Reason);
        Assert.Equal(3, t.Progress.EpochsCompleted); // 0.2 and an equal 0.3 are not improvements
        Assert.Equal((0.3, 1), (t.Progress.BestValue, t.Progress.BestEpoch));
    }

    [Fact]
    public void Should_stop_mid_epoch_at_max_steps_with_reason_budget()
    {
        var t = Tracker(new TrainingBudget(Epochs: 15, MaxSteps: 5));
        Run(t, 2, 0.1, 0.2, 0.3);
        Assert.Equal(StopReason.Budget, t.Reason);
        Assert.Equal("max_steps", t.BudgetLimit);   // part of the recipe: Nightly compares such a run
        Assert.Equal(5, t.Progress.GradientSteps);
        Assert.Equal(3, t.Progress.EpochsCompleted); // the cut epoch is still validated
    }

    [Fact]
    public void Should_stop_on_the_wall_clock_counting_earlier_sessions()
    {
        var now = 0.0;
        var t = new BudgetTracker(new TrainingBudget(MaxWallClockS: 10), "mse", false,
            new TrainProgress { ElapsedBeforeS = 7 }, () => now);
        Assert.True(t.CanStep());
        now = 3;
        Assert.False(t.CanStep());
        Assert.Equal(StopReason.Budget, t.Reason);
        Assert.Equal("max_wall_clock_s", t.BudgetLimit);   // the machine's speed: Nightly calls such a run not comparable
        Assert.Equal("max_wall_clock_s", ((FineTuneDetails)t.ToStats("CPU", null, new ScbertModelDetails("a", 1, 1, 1, 1, 1, 1, 1, "random", 1, 0, "l", 2, 1, 0, "scratch", "none", "none", 1, 1, 1, 1, "v", 1, 0) { Precision = "fp32", AmpRequested = false }).Details).BudgetLimit);
        Assert.Equal(10, t.Snapshot().ElapsedBeforeS);
    }

    [Fact]
    public void Should_prefer_lower_values_for_error_metrics()
    {
        var t = Tracker(new TrainingBudget(Epochs: 3), higher: false);
        Run(t, 1, 0.3, 0.1, 0.2);
        Assert.Equal((0.1, 2), (t.Progress.BestValue, t.Progress.BestEpoch));
    }

    [Theory]
    [InlineData(0, null, null, null, null, "budget.epochs")]
    [InlineData(null, null, null, "pearson_delta", 0, "budget.patience")]
    [InlineData(null, null, null, null, 3, "early_stopping_metric is null")]
    [InlineData(5, null, null, "spearman", 2, "'spearman'")]
    [InlineData(null, null, null, null, null, "no limit")]
    public void Should_reject_an_unusable_budget_naming_the_field(int? epochs, long? steps, double? wall, string? metric, int? patience, string expected)
    {
        var e = Assert.Throws<ScReproException>(() => new TrainingBudget(epochs, steps, wall, metric, patience).Validated("scgpt.yaml"));
        Assert.Contains("scgpt.yaml", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Should_write_train_stats_in_the_seed_card_schema()
    {
        var t = Tracker(new TrainingBudget(Epochs: 2));
        Run(t, 3, 0.4, 0.6);
        var model = new ScgptModelDetails("TransformerGenerator", "Generator", 64, 4, 64, 2, 30, null, 1000, 0, "scratch", "InProj",
            null, null, null, null, 96, 32, null, null, 0, null) { Precision = "float32", AmpRequested = false };
        var stats = t.ToStats("CPU (2 cores)", 2, model);
        using var dir = TestPaths.NewTempDir();
        ScRepro.Foundation.IO.Json.WriteFile(dir.File("training_stats.json"), stats);
        var json = File.ReadAllText(dir.File("training_stats.json"));
        // Seed card: top-level wall_clock_s, wandb_run_url, reason, details.
        foreach (var key in new[] { "\"wall_clock_s\"", "\"wandb_run_url\": null", "\"reason\": \"max_epochs\"", "\"details\"",
                     "\"epochs_trained\": 2", "\"cells_seen\": 384", "\"gradient_steps\": 6", "\"hardware\": \"CPU (2 cores)\"",
                     "\"best_val_value\": 0.6", "\"best_val_epoch\": 2", "\"pretrained_attention_layout\": \"InProj\"",
                     "\"family\": \"fine_tune\"", "\"architecture_family\": \"scgpt\"", "\"precision\": \"float32\"" })
            Assert.Contains(key, json);
        // And it reads back as the same typed record (the card reads these fields, not keys).
        var back = ScRepro.Foundation.IO.Json.Deserialize<TrainStats>(json);
        Assert.Equal(StopReason.MaxEpochs, back.Reason);
        var details = Assert.IsType<FineTuneDetails>(back.Details);
        Assert.Equal((2, 6L, 384L, 0.6), (details.EpochsTrained, details.GradientSteps, details.CellsSeen, details.BestValValue));
        Assert.Equal("InProj", Assert.IsType<ScgptModelDetails>(details.Model).PretrainedAttentionLayout);
        Assert.Null(details.BudgetLimit);
        Assert.Contains("\"budget_limit\": null", json);
    }
}
