using ScRepro.Contracts;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Models.Scgpt.Annotation;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Training;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>The annotation recipe on the binding at a CPU size: three cell types told apart by marker genes.</summary>
public sealed class AnnotationTrainingTests
{
    // 3 types × 40 cells, 30 genes; type t expresses its markers 10t..10t+4 (counts 3–8), other genes sparsely (1 with p 0.2).
    private static AnnData.AnnotatedData Data()
    {
        var rng = new Random(5);
        const int genes = 30;
        var x = new DenseMatrix(120, genes);
        var labels = new string?[120];
        for (var c = 0; c < 120; c++)
        {
            var t = c % 3;
            labels[c] = $"type{t}";
            for (var g = 0; g < genes; g++)
            {
                var marker = g >= 10 * t && g < 10 * t + 5;
                x[c, g] = marker ? 3 + rng.Next(6) : rng.NextDouble() < 0.2 ? 1 : 0;
            }
        }
        var obs = new DataFrame(Enumerable.Range(0, 120).Select(i => $"c{i}").ToArray());
        obs.Add(new StringColumn("cell_type", labels));
        return new AnnData.AnnotatedData(x, obs, new DataFrame(Enumerable.Range(0, genes).Select(g => $"G{g}").ToArray()));
    }

    [Fact]
    public void Should_learn_marker_genes_and_reload_as_a_classifier_folder()
    {
        using var dir = TestPaths.NewTempDir();
        var data = Data();
        var recipe = ScgptRecipe.AnnotationDefaults with { DModel = 16, NHead = 2, DHid = 16, NLayers = 2, Lr = 3e-3, Dropout = 0, MaxSeqLen = 40 };
        var train = Enumerable.Range(0, 90).Select(i => $"c{i}").ToList();
        var val = Enumerable.Range(90, 30).Select(i => $"c{i}").ToList();
        var (stats, predictor) = ScgptAnnotationTrainer.Train(new AnnotationTrainRequest(data, "cell_type", train, val, recipe,
            new TrainingBudget(Epochs: 8), Seed: 1, dir.Path, Source: "synthetic"));
        using (predictor)
        {
            // 90 cells in batches of 32 (the last one partial, as the tutorial's loader): 3 steps per epoch, 8 epochs.
            Assert.Equal((StopReason.MaxEpochs, 24L, 720L), (stats.Reason, ((FineTuneDetails)stats.Details).GradientSteps, stats.Details.CellsSeen));
            Assert.Equal("val_loss", ((FineTuneDetails)stats.Details).SelectionMetric);
            Assert.Equal(["type0", "type1", "type2"], predictor.Classes);
            var predicted = predictor.Predict(data, Enumerable.Range(90, 30).ToList(), "cell_type", seed: 0);
            var accuracy = predicted.Select((p, i) => p == $"type{(90 + i) % 3}" ? 1.0 : 0.0).Average();
            Assert.True(accuracy >= 0.8, $"val accuracy {accuracy} (chance is 1/3)");
        }
    }
    [Fact]
    public void Should_hold_out_ten_percent_of_the_training_cells_when_the_split_has_no_val_part()
    {
        using var dir = TestPaths.NewTempDir();
        var recipe = ScgptRecipe.AnnotationDefaults with { DModel = 16, NHead = 2, DHid = 16, NLayers = 1, Dropout = 0, MaxSeqLen = 40 };
        var train = Enumerable.Range(0, 90).Select(i => $"c{i}").ToList();
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
        var train = Enumerable.Range(0, 90).Select(i => $"c{i}").ToList();
        var e = Assert.Throws<ScRepro.Foundation.Errors.ScReproException>(() => ScgptAnnotationTrainer.Train(new AnnotationTrainRequest(Data(), "cell_type",
            train, [], recipe, new TrainingBudget(Epochs: 1), Seed: 1, dir.Path, Source: "models/x.yaml")));
        Assert.Equal("models/x.yaml: hyperparameters.selection_metric 'pearson_delta' is not validated by the annotation recipe (one of: val_loss, accuracy)", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path)); // checked before anything is written
    }
}
