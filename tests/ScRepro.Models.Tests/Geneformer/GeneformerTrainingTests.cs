using ScRepro.Contracts;
using ScRepro.Models.Geneformer;
using ScRepro.Models.Geneformer.Annotation;
using ScRepro.Models.Training;
using ScRepro.Simulation;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Geneformer;

/// <summary>Geneformer's cell-classifier loop on the binding at CPU size, from random weights on corpus-built dictionaries.</summary>
public sealed class GeneformerTrainingTests
{
    // The project's annotation simulator at CPU size: 120 cells of the first three PBMC-like types over 24 genes of raw
    // counts, balanced (imbalance 1, chance 1/3). Every type's markers at log-fold 3 (by default 1.6, and the two T
    // subtypes only 0.5 apart): test accuracy 1.0 on this seed, 0.83 at log-fold 1.6 (one cell above the bar), 0.44 with
    // no markers. A cell's top-ranked genes (rank-value: count / n_counts / median) are then its markers.
    private static readonly AnnotationSimulator.Settings Small = AnnotationSimulator.Defaults with
    {
        Cells = 120, Genes = 24, Types = 3, Imbalance = 1.0, MarkerLogFold = 3.0, SubtypeLogFold = 3.0,
    };

    private static AnnData.AnnotatedData Counts() => AnnotationSimulator.Simulate(Small, seed: 23);

    [Fact]
    public void Should_learn_from_rank_value_tokens_and_write_a_safetensors_classifier()
    {
        using var dir = TestPaths.NewTempDir();
        var recipe = new GeneformerRecipe
        {
            EnsemblIdColumn = null, Scratch = new GeneformerConfig(0, 16, 2, 2, 32, 64, 0, 0), BatchSize = 12, Lr = 3e-3, WarmupSteps = 4,
        };
        var data = Counts();
        var names = data.ObsNames.ToList();
        var (stats, predicted) = GeneformerAnnotationTrainer.Train(new GeneformerTrainRequest(data, "cell_type", names[..84], names[84..102],
            names[102..], recipe, new TrainingBudget(Epochs: 5), Seed: 2, dir.Path, PretrainedDir: null, Dictionaries: null, Source: "synthetic"));
        // 84 cells in batches of 12: 7 steps per epoch, 5 epochs.
        var details = Assert.IsType<FineTuneDetails>(stats.Details);
        Assert.Equal((StopReason.MaxEpochs, 35L), (stats.Reason, details.GradientSteps));
        Assert.Equal("val_loss", details.SelectionMetric);
        var accuracy = predicted.Select((p, i) => p == data.Obs["cell_type"].GetString(102 + i) ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.8, $"test accuracy {accuracy} (chance is 1/3)");
        // vocab: <pad>, <mask> and every gene detected in the corpus, counted here from the counts themselves.
        var dense = data.X!.ToDense();
        var detected = Enumerable.Range(0, dense.Cols).Count(g => Enumerable.Range(0, dense.Rows).Any(r => dense[r, g] > 0));
        Assert.Equal(2 + detected, Assert.IsType<GeneformerModelDetails>(details.Model).VocabSize);
        Assert.Equal(5, details.EpochSeconds.Count);
        Assert.True(File.Exists(Path.Combine(dir.Path, GeneformerFiles.BestModel)));
        // The folder's config.json is HF-shaped (the keys transformers' BertConfig writes, hidden_act spelt out), so
        // the strict reader takes it back: an audit re-predicts from the published folder with it.
        var config = GeneformerConfig.Read(Path.Combine(dir.Path, GeneformerFiles.Config));
        Assert.Equal(recipe.Scratch with { VocabSize = 2 + detected }, config);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, GeneformerFiles.Config))).RootElement;
        Assert.Equal("BertForSequenceClassification", json.GetProperty("architectures")[0].GetString());
        Assert.Equal(3, json.GetProperty("num_labels").GetInt32());
    }
}
