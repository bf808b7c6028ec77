using ScRepro.Contracts;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Perturbation;
using ScRepro.Models.Training;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>The perturbation recipe on the binding, at a CPU size that trains in seconds.</summary>
public sealed class PerturbationTrainingTests
{
    private static readonly ScgptRecipe Tiny = new()
    {
        DModel = 16, NHead = 2, DHid = 16, NLayers = 2, BatchSize = 16, EvalBatchSize = 32, Lr = 3e-3, MaxSeqLen = 1536,
    };

    private static PerturbationTrainRequest Request(string dir, TrainingBudget budget, ScgptRecipe? recipe = null) => new(
        SyntheticPerturbation.Make(), "condition", "ctrl", SyntheticPerturbation.Train, SyntheticPerturbation.Val,
        recipe ?? Tiny, budget, Seed: 7, dir, Source: "synthetic");

    [Fact]
    public void Should_train_to_max_epochs_and_count_steps_and_cells()
    {
        using var dir = TestPaths.NewTempDir();
        var (stats, predictor) = ScgptPerturbationTrainer.Train(Request(dir.Path, new TrainingBudget(Epochs: 4)));
        using (predictor)
        {
            // 64 control + 4×16 perturbed training cells = 128; drop_last batches of 16 → 8 steps per epoch.
            Assert.Equal(StopReason.MaxEpochs, stats.Reason);
            Assert.Equal((4, 32L, 512L), (((FineTuneDetails)stats.Details).EpochsTrained, ((FineTuneDetails)stats.Details).GradientSteps, stats.Details.CellsSeen));
            Assert.Null(stats.WandbRunUrl);
            Assert.NotNull(((FineTuneDetails)stats.Details).BestValEpoch);
            // The signal is learnable: the last epoch's training MSE is well below the first's.
            Assert.True(((FineTuneDetails)stats.Details).TrainLossHistory[^1] < 0.7 * ((FineTuneDetails)stats.Details).TrainLossHistory[0],
                $"train mse {string.Join(", ", ((FineTuneDetails)stats.Details).TrainLossHistory)}");
            // The folder is a model folder: best_model.pt with in_proj names, args.json, vocab.json.
            var keys = TorchCheckpoint.ReadStateDict(dir.File("best_model.pt")).Select(kv => kv.Key).ToList();
            Assert.Contains("transformer_encoder.layers.1.self_attn.in_proj_weight", keys);
            using var reloaded = ScgptPerturbationPredictor.FromFolder(dir.Path, "condition");
            var data = PerturbationDataset.FromAnnData(SyntheticPerturbation.Make(), "condition", "ctrl", "synthetic");
            var pred = reloaded.Predict(data, ["ctrl", .. SyntheticPerturbation.Test], seed: 0);
            Assert.Equal(64 + 16, pred.NObs);
            Assert.Equal(SyntheticPerturbation.Genes, pred.NVars);
            // Written predictions are log1p expression, never below 0 (cell-eval refuses a negative log-normalised X).
            var dense = pred.X!.ToDense();
            Assert.True(Enumerable.Range(0, dense.Rows).All(r => dense.Row(r).ToArray().All(v => v >= 0)));
        }
    }

    [Fact]
    public void Should_stop_on_max_steps_with_reason_budget()
    {
        using var dir = TestPaths.NewTempDir();
        var (stats, predictor) = ScgptPerturbationTrainer.Train(Request(dir.Path, new TrainingBudget(Epochs: 15, MaxSteps: 5)));
        predictor.Dispose();
        Assert.Equal(StopReason.Budget, stats.Reason);
        Assert.Equal(5, ((FineTuneDetails)stats.Details).GradientSteps);
        Assert.Equal(1, ((FineTuneDetails)stats.Details).EpochsTrained); // the cut epoch is validated and counted
    }

    [Fact]
    public void Should_resume_an_interrupted_run_to_the_same_result()
    {
        using var whole = TestPaths.NewTempDir();
        using var cut = TestPaths.NewTempDir();
        var budget = new TrainingBudget(Epochs: 3);
        var (a, pa) = ScgptPerturbationTrainer.Train(Request(whole.Path, budget));
        pa.Dispose();
        Assert.Throws<OperationCanceledException>(() => ScgptPerturbationTrainer.Train(Request(cut.Path, budget), interruptAfterEpochs: 1));
        var saved = ScRepro.Foundation.IO.Json.Deserialize<TrainProgress>(File.ReadAllText(Path.Combine(cut.Path, "checkpoint", "progress.json")));
        Assert.Equal(1, saved.EpochsCompleted); // the kill came after epoch 1's checkpoint
        var (b, pb) = ScgptPerturbationTrainer.Train(Request(cut.Path, budget));
        pb.Dispose();
        Assert.Equal(File.ReadAllBytes(whole.File("best_model.pt")), File.ReadAllBytes(cut.File("best_model.pt")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "checkpoint", "model.pt")), File.ReadAllBytes(Path.Combine(cut.Path, "checkpoint", "model.pt")));
        Assert.Equal(((FineTuneDetails)a.Details).ValHistory, ((FineTuneDetails)b.Details).ValHistory);
        Assert.Equal(((FineTuneDetails)a.Details).TrainLossHistory, ((FineTuneDetails)b.Details).TrainLossHistory);
        Assert.Equal((a.Reason, ((FineTuneDetails)a.Details).GradientSteps, a.Details.CellsSeen), (b.Reason, ((FineTuneDetails)b.Details).GradientSteps, b.Details.CellsSeen));
    }
}
