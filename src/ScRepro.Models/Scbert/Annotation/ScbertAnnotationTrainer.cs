using ScRepro.Foundation.Random;
using ScRepro.Contracts;
using System.Diagnostics;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Models.Scbert.Checkpoints;
using ScRepro.Models.Scbert.Modules;
using ScRepro.Models.Training;
using ScRepro.Splits.Random;
using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scbert.Annotation;

/// <summary>
/// scBERT cell-type fine-tuning (finetune.py / Boiarsky's dist_finetune.py; annotation-models.md §1.4, §2): the
/// PerformerLM from a panglao_pretrain.pth-shaped checkpoint (or random weights), frozen but for the final norm, one
/// Performer layer and the new head; cross-entropy (optionally weighted 1/count), Adam, CosineAnnealingWarmupRestarts
/// per epoch, a true epoch over the training cells in a seeded shuffled order (Boiarsky's fix of upstream's
/// random-row sampling), best epoch by validation accuracy, and the test cells predicted by argmax with the best
/// weights. Resumes from the last finished epoch as scGPT's runs do.
/// </summary>
public static class ScbertAnnotationTrainer
{
    /// <summary>What each epoch's validation reports: mean (unweighted) cross-entropy and accuracy.</summary>
    private static readonly string[] ValidationMetrics = ["val_loss", "accuracy"];

    public static (TrainStats Stats, string[] TestPredictions) Train(ScbertTrainRequest request, int? interruptAfterEpochs = null)
    {
        var r = request.Recipe;
        var source = request.Source;
        var budget = request.Budget.Validated(source);
        FineTuneLoop.CheckSelectionMetric(r.LoopSettings, budget, ValidationMetrics, source);
        var data = request.Data;
        var seeds = new SeedLedger(request.Seed);
        var cells = new AnnotationCells(data, request.LabelColumn, request.TrainCells, request.ValCells, request.TestCells, seeds, source);
        var (trainRows, valRows, testRows, valSource) = (cells.TrainRows, cells.ValRows, cells.TestRows, cells.ValSource);
        // Classes: every label in the data, sorted (np.unique over the whole set, as finetune.py codes them).
        var classes = cells.Classes;

        var config = r.Architecture with { SeqLen = data.NVars + 1 };
        manual_seed(seeds.Derive(SeedPurposes.Init)); // initial weights, the random position rows and the first projections
        var model = new PerformerLM(config);
        var init = Initialise(model, r, request, config);
        var trainable = ScbertFineTuning.Prepare(model, classes.Length, r.TrainableLayer);
        Directory.CreateDirectory(request.OutputDir);
        Json.WriteFile(Path.Combine(request.OutputDir, ScbertFiles.Classes), classes);
        Json.WriteFile(Path.Combine(request.OutputDir, ScbertFiles.Config), config);
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        model.to(device);

        var log2 = r.Preprocess == "log2_normalise";
        var train = CellTokens.Build(data, trainRows, config.MaxBin, log2, source);
        var val = CellTokens.Build(data, valRows, config.MaxBin, log2, source);
        var test = CellTokens.Build(data, testRows, config.MaxBin, log2, source);
        var trainLabels = cells.Labels(trainRows);
        var valLabels = cells.Labels(valRows);
        using var weight = ClassWeights(r, cells, classes.Length)?.to(device);

        FineTuneLoop? loop = null;
        loop = new FineTuneLoop(model, r.LoopSettings, r.Scheduler,
            (m, path) => ScbertCheckpoint.Save(m, path, loop!.Tracker.Progress.EpochsCompleted, loop.Tracker.Progress.TrainLossHistory.LastOrDefault()),
            budget, seeds, request.OutputDir, device, source);
        var batches = (train.Count + r.BatchSize - 1) / r.BatchSize;
        IEnumerable<TrainStep> EpochSteps(long epochSeed)
        {
            var order = new NumpyRandomState(epochSeed & 0xffffffff).Permutation(train.Count);
            for (var b = 0; b < batches; b++)
            {
                var idx = order.Skip(b * r.BatchSize).Take(r.BatchSize).ToArray();
                yield return () =>
                {
                    var tokens = train.Batch(idx, device);
                    var labels = tensor(idx.Select(i => trainLabels[i]).ToArray(), [idx.Length], ScalarType.Int64).to(device);
                    return (nn.functional.cross_entropy(model.forward(tokens), labels, weight), idx.Length);
                };
            }
        }
        loop.Run("scbert annotation", batches, EpochSteps, () => Validate(model, val, valLabels, r.EvalBatchSize, device), "ce", interruptAfterEpochs);

        ScbertCheckpoint.Load(model, loop.BestModelPath);
        var predicted = Predict(model, test, r.EvalBatchSize, device).Select(c => classes[c]).ToArray();
        var details = new ScbertModelDetails(
            Architecture: "PerformerLM+ClassifierHead (scBERT)",
            Dim: config.Dim, Depth: config.Depth, Heads: config.Heads, DimHead: config.DimHead, NbFeatures: config.Features,
            Positions: config.SeqLen, BinNum: config.NumTokens - 2,
            PositionEmbedding: config.PositionEmbedding.ToString().ToLowerInvariant(), FeatureRedrawInterval: config.FeatureRedrawInterval,
            ProjectionRedraws: model.Performer.Redraws,
            TrainableLayer: r.TrainableLayer == TrainableLayer.Upstream ? "layers[-2] (upstream finetune.py)" : "layers[-1] (Boiarsky dist_finetune.py)",
            NCls: classes.Length,
            TrainableParameters: trainable.Sum(p => p.numel()), FrozenParameters: model.parameters().Where(p => !p.requires_grad).Sum(p => p.numel()),
            Init: init, ClassWeight: r.ClassWeight, Preprocess: r.Preprocess, BatchSize: r.BatchSize, GradAccumulation: r.GradAccumulation,
            TrainCells: trainRows.Length, ValCells: valRows.Length, ValSource: valSource, TestCells: testRows.Length, Seed: request.Seed)
        {
            Precision = "fp32 (scBERT's scripts use no autocast)",
            AmpRequested = false,
            RngNote = "projection redraws, initial weights and the epoch order come from seeded libtorch/numpy-compatible draws; PyTorch's streams are not reproduced",
        };
        var stats = loop.ToStats(budget.Epochs, details);
        Json.WriteFile(Path.Combine(request.OutputDir, "training_stats.json"), stats);
        model.Dispose();
        return (stats, predicted);
    }

    /// <summary>Loads the checkpoint (all of it, or only its position rows for a from-scratch run); returns how the model started.</summary>
    private static string Initialise(PerformerLM model, ScbertRecipe r, ScbertTrainRequest request, ScbertConfig config)
    {
        var path = request.PretrainedPath;
        if (r.Init == "pretrained")
        {
            ScbertCheckpoint.Load(model, path!);
            return $"pretrained ({Path.GetFileName(path)})";
        }
        using var _ = no_grad();
        if (config.PositionEmbedding == PositionEmbedding.Random)
        {
            using var rows = randn([config.SeqLen, config.Dim], ScalarType.Float64);
            rows[config.SeqLen - 1].fill_(0); // the CLS slot's row is zeros, as upstream appends it
            model.PositionRows!.SetWeight(rows);
            return "scratch, random frozen position rows";
        }
        if (config.PositionEmbedding == PositionEmbedding.Gene2Vec)
        {
            var stored = ScbertCheckpoint.ReadModelStateDict(path!).FirstOrDefault(kv => kv.Key == "pos_emb.emb.weight").Value
                ?? throw new ScReproException($"scBERT checkpoint {path}: no pos_emb.emb.weight (a checkpoint trained without gene2vec)");
            if (!stored.Shape.SequenceEqual([config.SeqLen, config.Dim]))
                throw new ScReproException($"scBERT checkpoint {path}: pos_emb.emb.weight is [{string.Join(", ", stored.Shape)}], "
                    + $"the data needs [{config.SeqLen}, {config.Dim}] ({config.SeqLen - 1} genes + CLS)");
            using var rows = Scgpt.Checkpoints.TensorBridge.ToTensor(stored);
            model.PositionRows!.SetWeight(rows);
            return $"scratch, gene2vec rows from {Path.GetFileName(path)}";
        }
        return "scratch, no position rows";
    }

    /// <summary>dist_finetune.py's weights: 1/count of each class over every labelled cell of the data; null for none.</summary>
    private static Tensor? ClassWeights(ScbertRecipe r, AnnotationCells cells, int classes)
    {
        if (r.ClassWeight == "none") return null;
        var counts = new double[classes];
        foreach (var l in cells.LabelOf)
            if (l is not null) counts[cells.ClassOf(l)]++;
        return tensor(counts.Select(c => (float)(1.0 / c)).ToArray(), [classes], ScalarType.Float32);
    }

    private static Dictionary<string, double> Validate(PerformerLM model, CellTokens cells, long[] labels, int batchSize, Device device)
    {
        model.eval();
        using var _ = no_grad();
        double lossSum = 0;
        var correct = 0;
        for (var start = 0; start < cells.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var idx = Enumerable.Range(start, Math.Min(batchSize, cells.Count - start)).ToArray();
            var logits = model.forward(cells.Batch(idx, device));
            var target = tensor(idx.Select(i => labels[i]).ToArray(), [idx.Length], ScalarType.Int64).to(device);
            lossSum += nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.Sum).item<float>();
            correct += (int)logits.argmax(1).eq(target).sum().item<long>();
        }
        return new Dictionary<string, double> { ["val_loss"] = lossSum / cells.Count, ["accuracy"] = (double)correct / cells.Count };
    }

    /// <summary>Class index of each cell by argmax of the logits (softmax is monotone; UNASSIGN_THRES is 0 in fine-tuning).</summary>
    private static int[] Predict(PerformerLM model, CellTokens cells, int batchSize, Device device)
    {
        model.eval();
        using var _ = no_grad();
        var result = new List<int>(cells.Count);
        for (var start = 0; start < cells.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var idx = Enumerable.Range(start, Math.Min(batchSize, cells.Count - start)).ToArray();
            result.AddRange(model.forward(cells.Batch(idx, device)).argmax(1).cpu().data<long>().Select(v => (int)v));
        }
        return [.. result];
    }
}
