using ScRepro.Contracts;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scbert;
using ScRepro.Models.Scbert.Annotation;
using ScRepro.Models.Scbert.Checkpoints;
using ScRepro.Models.Scbert.Modules;
using ScRepro.Models.Training;
using ScRepro.Testing;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Scbert;

/// <summary>scBERT's fine-tuning loop on the binding at CPU size, and its learning-rate schedule.</summary>
public sealed class ScbertTrainingTests
{
    // 4 types × 30 cells over 20 genes, values already log2-normalised (preprocess none): type t has genes 5t..5t+4 at
    // 2.5-4.5 (tokens 2-4), other genes at 0-1.2 (tokens 0-1). Hand-built rather than simulated: scBERT's tokens are log2
    // values clipped at 5, and the simulator's counts over a CPU-sized 20-gene panel normalise (1e4 per cell) to about
    // 500 per gene, log2 ≈ 9, so every token would saturate and no type could be told apart.
    private static AnnData.AnnotatedData Markers()
    {
        var rng = new Random(17);
        const int cells = 120, genes = 20;
        var x = new DenseMatrix(cells, genes);
        var labels = new string?[cells];
        for (var c = 0; c < cells; c++)
        {
            var type = c % 4;
            labels[c] = $"t{type}";
            for (var g = 0; g < genes; g++) x[c, g] = (float)(g / 5 == type ? 2.5 + 2 * rng.NextDouble() : 1.2 * rng.NextDouble());
        }
        var obs = new DataFrame(Enumerable.Range(0, cells).Select(i => $"cell{i}").ToArray());
        obs.Add(new StringColumn("celltype", labels));
        return new AnnData.AnnotatedData(x, obs, new DataFrame(Enumerable.Range(0, genes).Select(g => $"g{g}").ToArray()));
    }

    private static ScbertRecipe Small => new()
    {
        Init = "scratch",
        Architecture = new ScbertConfig(Dim: 16, Depth: 2, Heads: 2, DimHead: 8, PositionEmbedding: PositionEmbedding.Random),
        BatchSize = 16, EvalBatchSize = 32, Lr = 3e-3, MinLr = 1e-4, FirstCycleSteps = 8, WarmupSteps = 1,
    };

    private static (TrainStats, string[]) Run(string dir, ScbertRecipe recipe, int epochs, int? interrupt = null)
    {
        var names = Enumerable.Range(0, 120).Select(i => $"cell{i}").ToList();
        return ScbertAnnotationTrainer.Train(new ScbertTrainRequest(Markers(), "celltype", names[..80], names[80..100], names[100..],
            recipe, new TrainingBudget(Epochs: epochs), Seed: 3, dir, PretrainedPath: null, Source: "synthetic"), interrupt);
    }

    [Fact]
    public void Should_learn_marker_genes_and_write_a_strictly_loadable_best_checkpoint()
    {
        using var dir = TestPaths.NewTempDir();
        var (stats, predicted) = Run(dir.Path, Small, epochs: 6);
        // 80 cells in batches of 16: 5 steps per epoch, 6 epochs.
        var details = Assert.IsType<FineTuneDetails>(stats.Details);
        Assert.Equal((StopReason.MaxEpochs, 30L, 480L), (stats.Reason, details.GradientSteps, details.CellsSeen));
        Assert.Equal("accuracy", details.SelectionMetric);
        var accuracy = predicted.Select((p, i) => p == $"t{(100 + i) % 4}" ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.8, $"test accuracy {accuracy} (chance is 1/4)");
        // Norm + layers[-1] + head train; the token embedding, the other layer and the position rows stay as drawn.
        var model = Assert.IsType<ScbertModelDetails>(details.Model);
        Assert.Equal("layers[-1] (Boiarsky dist_finetune.py)", model.TrainableLayer);
        Assert.Equal(6, details.EpochSeconds.Count);
        Assert.Contains("peak RSS", details.PeakMemory);
        Assert.Equal(Foundation.Random.Seeds.Derive(3, SeedPurposes.Init), details.DerivedSeeds[SeedPurposes.Init]);
        Assert.Contains(SeedPurposes.EpochOrder(6), details.DerivedSeeds.Keys);
        using var reloaded = new PerformerLM(Small.Architecture with { SeqLen = 21 });
        ScbertFineTuning.Prepare(reloaded, 4, TrainableLayer.Boiarsky);
        ScbertCheckpoint.Load(reloaded, Path.Combine(dir.Path, ScbertFiles.BestModel));
    }

    [Fact]
    public void Should_resume_an_interrupted_run_to_the_same_best_checkpoint()
    {
        using var whole = TestPaths.NewTempDir();
        using var split = TestPaths.NewTempDir();
        Run(whole.Path, Small, epochs: 3);
        Assert.Throws<OperationCanceledException>(() => Run(split.Path, Small, epochs: 3, interrupt: 1));
        var (resumed, _) = Run(split.Path, Small, epochs: 3);
        Assert.Equal(3, ((FineTuneDetails)resumed.Details).EpochsTrained);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, ScbertFiles.BestModel)), File.ReadAllBytes(Path.Combine(split.Path, ScbertFiles.BestModel)));
    }

    [Fact]
    public void Should_follow_scberts_cosine_warmup_restarts_schedule_per_epoch()
    {
        // The learning rate of epochs 1-16 under CosineAnnealingWarmupRestarts(15, 2, 1e-4, 1e-6, 5, 0.9) as
        // annotation-models.md §2.4 verified with torch 1.13 and scBERT's utils.py; epoch 17 is the second cycle's first
        // warm-up step: (0.9e-4 - 1e-6) / 5 + 1e-6.
        double[] expected = [1.0e-6, 2.08e-5, 4.06e-5, 6.04e-5, 8.02e-5, 1.0e-4, 9.758e-5, 9.055e-5, 7.960e-5, 6.580e-5,
            5.050e-5, 3.520e-5, 2.140e-5, 1.045e-5, 3.42e-6, 1.0e-6, 1.88e-5];
        using var p = new Torch.Modules.Parameter(zeros([1]));
        var optimizer = optim.Adam([p], 1e-4);
        var scheduler = new CosineAnnealingWarmupRestarts(optimizer, 15, 2, 1e-4, 1e-6, 5, 0.9);
        for (var epoch = 1; epoch <= expected.Length; epoch++)
        {
            var lr = optimizer.param_groups[0].LearningRate;
            Assert.True(Math.Abs(lr - expected[epoch - 1]) <= 5e-9, $"epoch {epoch}: lr {lr}, expected {expected[epoch - 1]}");
            scheduler.step();
        }
    }

    [Fact]
    public void Should_name_the_manifest_and_key_for_a_bad_recipe()
    {
        var e = Assert.Throws<ScReproException>(() => ScbertRecipe.FromHyperparameters(new Dictionary<string, object?> { ["trainable_layer"] = "first" }, "models/s.yaml"));
        Assert.Equal("models/s.yaml: hyperparameters: key 'trainable_layer' must be one of upstream, boiarsky, got the string 'first'", e.Message);
        e = Assert.Throws<ScReproException>(() => ScbertRecipe.FromHyperparameters(new Dictionary<string, object?> { ["heads"] = 2L, ["depth_"] = 1L }, "models/s.yaml"));
        Assert.StartsWith("models/s.yaml: hyperparameters: unknown key 'depth_' (known: ", e.Message);
        // The one reader's int rule: 2.0 is a float, not an integer (RecipeValue used to truncate it for warmup_steps).
        e = Assert.Throws<ScReproException>(() => ScbertRecipe.FromHyperparameters(new Dictionary<string, object?> { ["warmup_steps"] = 2.0 }, "models/s.yaml"));
        Assert.Contains("key 'warmup_steps' must be a non-negative integer, got 2.0 (a float", e.Message);
        e = Assert.Throws<ScReproException>(() => ScbertRecipe.FromHyperparameters(new Dictionary<string, object?> { ["init"] = "scratch" }, "models/s.yaml"));
        Assert.Contains("key 'hyperparameters.position_embedding': gene2vec rows come from a pretrained checkpoint", e.Message);
    }
}
