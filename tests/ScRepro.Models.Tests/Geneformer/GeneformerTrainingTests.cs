using ScRepro.Contracts;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Models.Geneformer;
using ScRepro.Models.Geneformer.Annotation;
using ScRepro.Models.Training;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Geneformer;

/// <summary>Geneformer's cell-classifier loop on the binding at CPU size, from random weights on corpus-built dictionaries.</summary>
public sealed class GeneformerTrainingTests
{
    // 3 types × 40 cells over 24 genes of raw counts: type t's markers 8t..8t+3 at 20-40, every other gene at 1-6 with p 0.5.
    // The top-ranked genes of a cell (rank-value: count / n_counts / median) are then its markers.
    private static AnnData.AnnotatedData Counts()
    {
        var rng = new Random(23);
        const int cells = 120, genes = 24;
        var x = new DenseMatrix(cells, genes);
        var labels = new string?[cells];
        for (var c = 0; c < cells; c++)
        {
            var type = c % 3;
            labels[c] = $"type{type}";
            for (var g = 0; g < genes; g++)
                x[c, g] = g >= 8 * type && g < 8 * type + 4 ? 20 + rng.Next(21) : rng.NextDouble() < 0.5 ? 1 + rng.Next(6) : 0;
        }
        var obs = new DataFrame(Enumerable.Range(0, cells).Select(i => $"c{i}").ToArray());
        obs.Add(new StringColumn("label", labels));
        return new AnnData.AnnotatedData(x, obs, new DataFrame(Enumerable.Range(0, genes).Select(g => $"ENSG{g:D3}").ToArray()));
    }

    [Fact]
    public void Should_learn_from_rank_value_tokens_and_write_a_safetensors_classifier()
    {
        using var dir = TestPaths.NewTempDir();
        var recipe = new GeneformerRecipe
        {
            EnsemblIdColumn = null, Scratch = new GeneformerConfig(0, 16, 2, 2, 32, 64, 0, 0), BatchSize = 12, Lr = 3e-3, WarmupSteps = 4,
        };
        var names = Enumerable.Range(0, 120).Select(i => $"c{i}").ToList();
        var (stats, predicted) = GeneformerAnnotationTrainer.Train(new GeneformerTrainRequest(Counts(), "label", names[..84], names[84..102],
            names[102..], recipe, new TrainingBudget(Epochs: 5), Seed: 2, dir.Path, PretrainedDir: null, Dictionaries: null, Source: "synthetic"));
        // 84 cells in batches of 12: 7 steps per epoch, 5 epochs.
        var details = Assert.IsType<FineTuneDetails>(stats.Details);
        Assert.Equal((StopReason.MaxEpochs, 35L), (stats.Reason, details.GradientSteps));
        Assert.Equal("val_loss", details.SelectionMetric);
        var accuracy = predicted.Select((p, i) => p == $"type{(102 + i) % 3}" ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.8, $"test accuracy {accuracy} (chance is 1/3)");
        // vocab: <pad>, <mask> and the 24 detected genes.
        Assert.Equal(26, Assert.IsType<GeneformerModelDetails>(details.Model).VocabSize);
        Assert.Equal(5, details.EpochSeconds.Count);
        Assert.True(File.Exists(Path.Combine(dir.Path, GeneformerFiles.BestModel)));
    }
}
