using ScRepro.Contracts;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Cards.Tests;

/// <summary>
/// The budget table's time per epoch and peak memory, for fine-tuned models (scGPT, scBERT and Geneformer all go
/// through FineTuneLoop, which records FineTuneDetails.EpochSeconds and PeakMemory) and for a closed-form fit.
/// Expected values are worked by hand from the epoch times given below.
/// </summary>
public sealed class BudgetTableTests
{
    private sealed record TinyModel() : ModelDetails;

    private static readonly Budget Budget = new(Epochs: 6, MaxSteps: null, MaxWallClockS: null, EarlyStoppingMetric: "macro_f1", Patience: 3);

    private static CardBuilder.SeedRun FineTuned(long seed, double[] epochSeconds, string peak) => new(seed,
        new TrainStats(12.5, null, StopReason.MaxEpochs, new FineTuneDetails(epochSeconds.Length, 6, 40, "cpu", "macro_f1", "macro_f1", 3,
            0.8, 2, [0.7, 0.8], [1.0, 0.9], new TinyModel { Precision = "fp32", AmpRequested = false }) { CellsSeen = 800, EpochSeconds = epochSeconds, PeakMemory = peak }),
        null!, "unused");

    private static string Row(IReadOnlyList<KeyValue> rows, string key) => rows.Single(r => r.Key == key).Value;

    [Fact]
    public void Should_give_the_median_and_max_epoch_time_and_the_peak_memory_of_a_fine_tuned_model()
    {
        // Epochs 2, 1, 4, 3 s: sorted 1 2 3 4, median (2 + 3) / 2 = 2.5 s, max 4 s.
        var rows = CardBuilder.BudgetRows(Budget, [FineTuned(0, [2.0, 1.0, 4.0, 3.0], "1.25 GiB peak RSS (CPU)")]);
        Assert.Equal("median 2.50 s, max 4.00 s over 4 epochs", Row(rows, "time per epoch"));
        Assert.Equal("1.25 GiB peak RSS (CPU)", Row(rows, "peak memory"));
    }

    [Fact]
    public void Should_pool_epochs_over_seeds_and_list_each_seeds_peak()
    {
        // Seeds' epochs 1, 3 and 90, 5, 2 s: sorted 1 2 3 5 90, median 3 s, max 90 s = 1.5 min (Format.Duration).
        var rows = CardBuilder.BudgetRows(Budget, [FineTuned(0, [1.0, 3.0], "1.00 GiB peak RSS (CPU)"), FineTuned(1, [90.0, 5.0, 2.0], "1.10 GiB peak RSS (CPU)")]);
        Assert.Equal("median 3.00 s, max 1.5 min over 5 epochs of 2 seeds", Row(rows, "time per epoch"));
        Assert.Equal("1.00 GiB peak RSS (CPU) / 1.10 GiB peak RSS (CPU)", Row(rows, "peak memory"));
    }

    [Fact]
    public void Should_say_a_closed_form_fit_has_no_epochs_or_measured_memory()
    {
        var lr = new CardBuilder.SeedRun(0, new TrainStats(0.4, null, StopReason.Converged, new LogisticDetails(200, true) { CellsSeen = 800 }), null!, "unused");
        var rows = CardBuilder.BudgetRows(Budget, [lr]);
        Assert.Equal("n/a (closed-form fit)", Row(rows, "time per epoch"));
        Assert.Equal("not measured (closed-form fit)", Row(rows, "peak memory"));
    }

    [Fact]
    public void Should_render_the_new_rows_in_the_cards_budget_table()
    {
        var rows = CardBuilder.BudgetRows(Budget, [FineTuned(0, [2.0, 1.0, 4.0, 3.0], "3.10 GiB max_memory_reserved on cuda:0")]);
        var text = new CardRenderer(Path.Combine(TestPaths.RepoRoot, "reports", "templates")).RenderModelCard(SampleCards.Card() with { Budget = rows });
        Assert.Contains("| time per epoch | median 2.50 s, max 4.00 s over 4 epochs |\n| peak memory | 3.10 GiB max_memory_reserved on cuda:0 |", text);
    }
}
