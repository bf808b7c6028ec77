using ScRepro.Foundation.Random;
using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Models.Geneformer.Checkpoints;
using ScRepro.Models.Geneformer.Modules;
using ScRepro.Models.Geneformer.Tokenization;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Training;
using ScRepro.Splits.Random;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Geneformer.Annotation;

/// <summary>
/// Geneformer's cell classifier fine-tuning (the 2025 Classifier's defaults, annotation-models.md §3.4) on the shared
/// loop: rank-value tokens, BertForSequenceClassification from a pretrained MLM folder (pooler and classifier new)
/// or random weights, the first freeze_layers encoder layers frozen, AdamW with HF's linear warm-up per optimizer step,
/// unweighted cross-entropy, a seeded shuffle per epoch (HF's RandomSampler), best epoch by validation loss, test
/// cells predicted by argmax with the best weights.
/// </summary>
public static class GeneformerAnnotationTrainer
{
    private static readonly string[] ValidationMetrics = ["val_loss", "accuracy"];

    public static (TrainStats Stats, string[] TestPredictions) Train(GeneformerTrainRequest request, int? interruptAfterEpochs = null)
    {
        var r = request.Recipe;
        var source = request.Source;
        var budget = request.Budget.Validated(source);
        var data = request.Data;
        var seeds = new SeedLedger(request.Seed);
        var cells = new AnnotationCells(data, request.LabelColumn, request.TrainCells, request.ValCells, request.TestCells, seeds, source);
        var (trainRows, valRows, testRows, valSource) = (cells.TrainRows, cells.ValRows, cells.TestRows, cells.ValSource);
        // Classes: every label in the data, sorted (np.unique over the whole set).
        var classes = cells.Classes;

        var vocab = GeneformerInputs.Read(request, trainRows);
        var (geneIds, vocabSource) = (vocab.GeneIds, vocab.Source);
        var config = request.PretrainedDir is { } dir ? GeneformerConfig.Read(Path.Combine(dir, "config.json")) : r.Scratch with { VocabSize = vocab.Tokens.Values.Max() + 1 };
        var (tokenizer, inputSize) = GeneformerInputs.Tokenizer(request, vocab, config);

        manual_seed(seeds.Derive(SeedPurposes.Init));
        var model = new BertForSequenceClassification(config, classes.Length);
        GeneformerLoadReport? loaded = null;
        if (request.PretrainedDir is { } folder) loaded = GeneformerCheckpoint.LoadPretrained(model, WeightsIn(folder));
        foreach (var layer in model.Bert.Encoder.Layers.Take(r.FreezeLayers))
            foreach (var p in layer.parameters()) p.requires_grad = false;
        Directory.CreateDirectory(request.OutputDir);
        Json.WriteFile(Path.Combine(request.OutputDir, GeneformerFiles.Classes), classes);
        config.Write(Path.Combine(request.OutputDir, GeneformerFiles.Config), "BertForSequenceClassification", classes.Length);
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        model.to(device);

        var train = RankedCells.Build(data, trainRows, tokenizer, geneIds, source);
        var val = RankedCells.Build(data, valRows, tokenizer, geneIds, source);
        var test = RankedCells.Build(data, testRows, tokenizer, geneIds, source);
        var trainLabels = cells.Labels(trainRows);
        var valLabels = cells.Labels(valRows);
        var batches = (train.Count + r.BatchSize - 1) / r.BatchSize;
        var settings = r.LoopSettings(batches * (budget.Epochs ?? 1));
        FineTuneLoop.CheckSelectionMetric(settings, budget, ValidationMetrics, source);
        // The per-step linear schedule carries the learning rate; the per-epoch scheduler leaves it alone.
        var loop = new FineTuneLoop(model, settings, o => optim.lr_scheduler.StepLR(o, 1, 1.0), SaveSafeTensors, budget, seeds,
            request.OutputDir, device, source);
        IEnumerable<TrainStep> EpochSteps(long epochSeed)
        {
            var order = new NumpyRandomState(epochSeed & 0xffffffff).Permutation(train.Count);
            for (var b = 0; b < batches; b++)
            {
                var idx = order.Skip(b * r.BatchSize).Take(r.BatchSize).ToArray();
                yield return () =>
                {
                    var (ids, mask) = train.Batch(idx, device);
                    var labels = tensor(idx.Select(i => trainLabels[i]).ToArray(), [idx.Length], ScalarType.Int64).to(device);
                    return (nn.functional.cross_entropy(model.forward(ids, mask), labels), idx.Length);
                };
            }
        }
        loop.Run("geneformer annotation", batches, EpochSteps, () => Validate(model, val, valLabels, r.EvalBatchSize, device), "ce", interruptAfterEpochs);

        GeneformerAnnotationPredictor.LoadSafeTensors(model, loop.BestModelPath);
        var predicted = GeneformerAnnotationPredictor.Predict(model, test, r.EvalBatchSize, device).Select(c => classes[c]).ToArray();
        var details = new GeneformerModelDetails(
            Architecture: "BertForSequenceClassification (Geneformer)",
            HiddenSize: config.HiddenSize, NumHiddenLayers: config.NumHiddenLayers, NumAttentionHeads: config.NumAttentionHeads,
            IntermediateSize: config.IntermediateSize, VocabSize: config.VocabSize, ModelInputSize: inputSize,
            Tokenizer: $"rank-value {r.Version}", Dictionaries: vocabSource, NCls: classes.Length,
            TrainableParameters: model.parameters().Where(p => p.requires_grad).Sum(p => p.numel()),
            FrozenParameters: model.parameters().Where(p => !p.requires_grad).Sum(p => p.numel()),
            Init: loaded is null ? "scratch" : $"pretrained (decoder {loaded.Decoder}, {loaded.NewlyInitialised.Count} head tensors new)",
            FreezeLayers: r.FreezeLayers, Lr: r.Lr, WarmupSteps: r.WarmupSteps, WeightDecay: r.WeightDecay, BatchSize: r.BatchSize,
            TrainCells: trainRows.Length, ValCells: valRows.Length, ValSource: valSource, TestCells: testRows.Length, Seed: request.Seed)
        {
            Precision = "fp32",
            AmpRequested = false,
        };
        var stats = loop.ToStats(budget.Epochs, details);
        Json.WriteFile(Path.Combine(request.OutputDir, "training_stats.json"), stats);
        model.Dispose();
        return (stats, predicted);
    }

    private static string WeightsIn(string folder)
    {
        foreach (var name in new[] { "model.safetensors", "pytorch_model.bin" })
            if (File.Exists(Path.Combine(folder, name))) return Path.Combine(folder, name);
        throw new ScReproException($"{folder}: neither model.safetensors nor pytorch_model.bin (a Geneformer model folder holds one)");
    }

    private static void SaveSafeTensors(nn.Module model, string path) => SafeTensorsFile.Write(path, ScgptWeights.ToStateDict(model));

    private static Dictionary<string, double> Validate(BertForSequenceClassification model, RankedCells cells, long[] labels, int batchSize, Device device)
    {
        model.eval();
        using var _ = no_grad();
        double lossSum = 0;
        var correct = 0;
        for (var start = 0; start < cells.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var idx = Enumerable.Range(start, Math.Min(batchSize, cells.Count - start)).ToArray();
            var (ids, mask) = cells.Batch(idx, device);
            var logits = model.forward(ids, mask);
            var target = tensor(idx.Select(i => labels[i]).ToArray(), [idx.Length], ScalarType.Int64).to(device);
            lossSum += nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.Sum).item<float>();
            correct += (int)logits.argmax(1).eq(target).sum().item<long>();
        }
        return new Dictionary<string, double> { ["val_loss"] = lossSum / cells.Count, ["accuracy"] = (double)correct / cells.Count };
    }
}
