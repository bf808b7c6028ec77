using ScRepro.Contracts;
using ScRepro.Models.Scgpt.Annotation;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Training;
using ScRepro.Simulation;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>The annotation recipe on the binding at a CPU size: three simulated cell types told apart by marker genes.</summary>
public sealed class AnnotationTrainingTests
{
    // The project's annotation simulator at CPU size: 120 cells, 30 genes, the first three PBMC-like types, balanced
    // (imbalance 1) so chance is 1/3. By default its two T subtypes differ only by weak markers (to be confused, as in
    // Zheng68K) and markers rise about e^1.6, too faint for a 2-layer, 16-wide model (val accuracy 0.4 after 20 epochs):
    // every type's markers at log-fold 3 (about 20×, as the hand-built data had: counts 3-8 over 0-1) and 20 epochs give
    // 0.97 on this seed; with no markers (log-fold 0) the same run scores 0.3, so the 0.8 bar still tells learning apart.
    private static readonly AnnotationSimulator.Settings Small = AnnotationSimulator.Defaults with
    {
        Cells = 120, Genes = 30, Types = 3, Imbalance = 1.0, MarkerLogFold = 3.0, SubtypeLogFold = 3.0,
    };

    // A fresh copy per call (a trainer may normalise in place); the same seed gives the same cells every time.
    private static AnnData.AnnotatedData Data() => AnnotationSimulator.Simulate(Small, seed: 5);

    private static readonly AnnData.AnnotatedData Reference = Data();

    private static string? Label(int row) => Reference.Obs["cell_type"].GetString(row);

    private static List<string> Names(int from, int count) => Reference.ObsNames[from..(from + count)].ToList();

    [Fact]
    public void Should_learn_marker_genes_and_reload_as_a_classifier_folder()
    {
        using var dir = TestPaths.NewTempDir();
        var data = Data();
        var recipe = ScgptRecipe.AnnotationDefaults with { DModel = 16, NHead = 2, DHid = 16, NLayers = 2, Lr = 3e-3, Dropout = 0, MaxSeqLen = 40 };
        var train = Names(0, 90);
        var val = Names(90, 30);
        var (stats, predictor) = ScgptAnnotationTrainer.Train(new AnnotationTrainRequest(data, "cell_type", train, val, recipe,
            new TrainingBudget(Epochs: 20), Seed: 1, dir.Path, Source: "synthetic"));
        using (predictor)
        {
            // 90 cells in batches of 32 (the last one partial, as the tutorial's loader): 3 steps per epoch, 20 epochs; 90 × 20 cells seen.
            Assert.Equal((StopReason.MaxEpochs, 60L, 1800L), (stats.Reason, ((FineTuneDetails)stats.Details).GradientSteps, stats.Details.CellsSeen));
            Assert.Equal("val_loss", ((FineTuneDetails)stats.Details).SelectionMetric);
            // Every label in the data, sorted ordinally ('5' < '8'): the simulator's first three type names.
            Assert.Equal(["CD56+ NK", "CD8+ Cytotoxic T", "CD8+/CD45RA+ Naive Cytotoxic"], predictor.Classes);
            var predicted = predictor.Predict(data, Enumerable.Range(90, 30).ToList(), "cell_type", seed: 0);
            var accuracy = predicted.Select((p, i) => p == Label(90 + i) ? 1.0 : 0.0).Average();
            Assert.True(accuracy >= 0.8, $"val accuracy {accuracy} (chance is 1/3)");
        }
    }
    [Fact]
    public void Should_hold_out_ten_percent_of_the_training_cells_when_the_split_has_no_val_part()
    {
        using var dir = TestPaths.NewTempDir();
        var recipe = ScgptRecipe.AnnotationDefaults with { DModel = 16, NHead = 2, DHid = 16, NLayers = 1, Dropout = 0, MaxSeqLen = 40 };
        var train = Names(0, 90);
        var (stats, predictor) = ScgptAnnotationTrainer.Train(new AnnotationTrainRequest(Data(), "cell_type", train, [], recipe,
            new TrainingBudget(Epochs: 1), Seed: 1, dir.Path, Source: "synthetic"));
        predictor.Dispose();
        // train_test_split(test_size=0.1) of 90 cells keeps ceil(9) = 9 for validation: 81 cells seen in 3 batches (32, 32, 17).
        Assert.Equal((81L, 3L), (stats.Details.CellsSeen, ((FineTuneDetails)stats.Details).GradientSteps));
        Assert.True(double.IsFinite(((FineTuneDetails)stats.Details).BestValValue ?? double.NaN), "a validation loss was computed on the held-out cells");
    }

    [Fact]
    public void Should_name_the_field_when_the_selection_metric_is_not_one_the_recipe_validates()
    {
        using var dir = TestPaths.NewTempDir();
        // Annotation validates val_loss and accuracy; pearson_delta is a perturbation metric.
        var recipe = ScgptRecipe.AnnotationDefaults with { DModel = 16, NHead = 2, DHid = 16, NLayers = 1, MaxSeqLen = 40, SelectionMetric = "pearson_delta" };
        var train = Names(0, 90);
        var e = Assert.Throws<ScRepro.Foundation.Errors.ScReproException>(() => ScgptAnnotationTrainer.Train(new AnnotationTrainRequest(Data(), "cell_type",
            train, [], recipe, new TrainingBudget(Epochs: 1), Seed: 1, dir.Path, Source: "models/x.yaml")));
        Assert.Equal("models/x.yaml: hyperparameters.selection_metric 'pearson_delta' is not validated by the annotation recipe (one of: val_loss, accuracy)", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path)); // checked before anything is written
    }
}
