using ScRepro.Splits.Random;
using System.Diagnostics;
using ScRepro.Core.Console;
using ScRepro.Core.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Models.Scgpt.Preprocessing;
using ScRepro.Models.Training;
using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Perturbation;

/// <summary>
/// Tutorial_Perturbation's fine-tuning loop (spec §4): control cells in, matched perturbed cells as target, MSE over
/// all positions, Adam, StepLR per epoch, grad clip 1.0, train loader shuffled with drop_last; after each epoch the
/// validation conditions are predicted with all genes and scored with compute_perturbation_metrics; the best epoch by
/// the selection metric is written as best_model.pt. Budget limits and early stopping come from <see cref="BudgetTracker"/>,
/// and an epoch-boundary checkpoint lets an interrupted run resume to the same result.
/// </summary>
public static class ScgptPerturbationTrainer
{
    public const string BestModelFile = "best_model.pt";

    /// <param name="request">Data, split, recipe, budget, seed and output folder.</param>
    /// <param name="interruptAfterEpochs">Test hook: throw after this many epochs of this session (a simulated kill).</param>
    public static (TrainStats Stats, ScgptPerturbationPredictor Predictor) Train(PerturbationTrainRequest request, int? interruptAfterEpochs = null)
    {
        var r = request.Recipe;
        var budget = request.Budget.Validated(request.Source);
        var data = PerturbationDataset.FromAnnData(request.Data, request.ConditionColumn, request.ControlLabel, request.Source);
        var trainSet = request.TrainConditions.Append(request.ControlLabel).ToHashSet(StringComparer.Ordinal);
        var valSet = request.ValConditions.Where(c => c != request.ControlLabel).ToHashSet(StringComparer.Ordinal);
        if (valSet.Count == 0) throw new ScReproException($"{request.Source}: no validation conditions: early stopping and model selection need some");
        Directory.CreateDirectory(request.OutputDir);

        var built = ScgptModelBuilder.Build(r, data.Genes, 1, request.Seed, request.PretrainedDir);
        var model = (TransformerGenerator)built.Model;
        var geneIds = built.Vocab.MapGenes(data.Genes).Ids;
        // The output folder is a complete scGPT model folder: `screpro predict --model-dir` reads it back.
        Core.IO.AtomicFile.WriteAllText(Path.Combine(request.OutputDir, PretrainedFolder.VocabFile), built.Vocab.ToJson());
        Core.IO.AtomicFile.WriteAllText(Path.Combine(request.OutputDir, PretrainedFolder.ArgsFile), Config.ScgptArgs.FromConfig(built.Config, r.MaxSeqLen).ToJson());
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        model.to(device);

        // GEARS pairs once, when it builds its dataset; seeded here.
        var pairRng = new NumpyRandomState(request.Seed & 0xffffffff);
        var trainPairs = data.Pairs(trainSet, pairRng);
        var valPairs = data.Pairs(valSet, pairRng);
        if (trainPairs.Count < r.BatchSize)
            throw new ScReproException($"{request.Source}: {trainPairs.Count} training cells, fewer than one batch of {r.BatchSize}");
        var controlMean = data.MeanProfile(data.ControlCells);

        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        var optimizer = optim.Adam(trainable, r.Lr, eps: r.AdamEps);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, r.ScheduleInterval, r.ScheduleGamma);
        var progress = new TrainProgress();
        if (ResumeCheckpoint.Exists(request.OutputDir))
        {
            progress = ResumeCheckpoint.Load(request.OutputDir, model, optimizer);
            for (var e = 0; e < progress.EpochsCompleted; e++) scheduler.step();
            Output.Info($"scgpt: resuming from {ResumeCheckpoint.PathIn(request.OutputDir)} after epoch {progress.EpochsCompleted}");
        }
        if (r.Amp) Output.Info($"{request.Source}: {r.PrecisionNote}");
        var clock = Stopwatch.StartNew();
        var tracker = new BudgetTracker(budget, budget.EarlyStoppingMetric ?? r.SelectionMetric,
            MetricDirection.HigherIsBetter(budget.EarlyStoppingMetric ?? r.SelectionMetric, request.Source), progress, () => clock.Elapsed.TotalSeconds);
        var bestPath = Path.Combine(request.OutputDir, BestModelFile);
        var stepsPerEpoch = trainPairs.Count / r.BatchSize;
        var sessionEpochs = 0;

        Output.WithProgress("scgpt perturbation", (budget.Epochs ?? 1) * (double)stepsPerEpoch, report =>
        {
            while (tracker.CanStartEpoch())
            {
                var epoch = progress.EpochsCompleted + 1;
                var epochSeed = request.Seed * 1000 + epoch;
                manual_seed(epochSeed);
                var rng = new NumpyRandomState(epochSeed & 0xffffffff);
                var order = rng.Permutation(trainPairs.Count);
                model.train();
                double lossSum = 0;
                var steps = 0;
                for (var b = 0; b < stepsPerEpoch && tracker.CanStep(); b++)
                {
                    var pairs = order.Skip(b * r.BatchSize).Take(r.BatchSize).Select(i => trainPairs[i]).ToList();
                    var positions = PerturbationBatch.SelectPositions(data.NGenes, r.MaxSeqLen, rng);
                    var batch = PerturbationBatch.Build(data, pairs, positions, geneIds);
                    using var scope = NewDisposeScope();
                    var (src, values, flags, target) = ToTensors(batch, device);
                    var output = model.forward(src, values, flags);
                    var loss = nn.functional.mse_loss(output, target);
                    optimizer.zero_grad();
                    loss.backward();
                    nn.utils.clip_grad_norm_(trainable, r.GradClip);
                    optimizer.step();
                    tracker.RecordStep(pairs.Count);
                    lossSum += loss.item<float>();
                    steps++;
                    report(1);
                }
                var metrics = Validate(model, data, valPairs, geneIds, controlMean, r.EvalBatchSize, device);
                var value = metrics[tracker.SelectionMetric];
                if (tracker.EndEpoch(steps == 0 ? double.NaN : lossSum / steps, value, complete: steps == stepsPerEpoch))
                    ScgptWeights.Save(model, bestPath);
                scheduler.step();
                ResumeCheckpoint.Save(request.OutputDir, model, optimizer, tracker.Snapshot());
                Output.Info($"scgpt: epoch {epoch} train mse {lossSum / Math.Max(steps, 1):F5} val {tracker.SelectionMetric} {value:F4}");
                sessionEpochs++;
                if (interruptAfterEpochs is { } n && sessionEpochs >= n && tracker.CanStartEpoch())
                    throw new OperationCanceledException($"interrupted after {sessionEpochs} epoch(s) (test hook)");
            }
        });

        if (!File.Exists(bestPath)) ScgptWeights.Save(model, bestPath);
        var best = ScgptPerturbationPredictor.Load(bestPath, built.Config, built.Vocab, request.ConditionColumn);
        var details = new Dictionary<string, object?>
        {
            ["architecture"] = "TransformerGenerator",
            ["variant"] = built.Config.Variant.ToString(),
            ["d_model"] = built.Config.DModel, ["nhead"] = built.Config.NHead, ["d_hid"] = built.Config.DHid,
            ["nlayers"] = built.Config.NLayers, ["ntoken"] = built.Config.NToken,
            ["trainable_parameters"] = built.Trainable, ["frozen_parameters"] = built.Frozen,
            ["init"] = request.PretrainedDir is null ? "scratch" : "pretrained",
            ["pretrained_attention_layout"] = built.Pretrained?.Layout.ToString(),
            ["pretrained_loaded"] = built.Pretrained?.Loaded.Count,
            ["pretrained_left_initialised"] = built.Pretrained?.LeftInitialised,
            ["genes_in_vocab"] = built.Vocab.MapGenes(data.Genes).Found, ["n_genes"] = data.NGenes,
            ["train_cells"] = trainPairs.Count, ["val_cells"] = valPairs.Count,
            ["seed"] = request.Seed,
            ["rng_note"] = "control pairing, shuffling and gene subsets drawn from seeded generators (scGPT/GEARS draw unseeded)",
            ["final_lr"] = scheduler.get_last_lr()[0],
            ["precision"] = r.PrecisionNote, ["amp_requested"] = r.Amp,
        };
        var stats = tracker.ToStats(Hardware(device), budget.Epochs, details);
        stats.Write(Path.Combine(request.OutputDir, "training_stats.json"));
        return (stats, best);
    }

    internal static (Tensor Src, Tensor Values, Tensor Flags, Tensor Target) ToTensors(PerturbationBatch b, Device device)
    {
        long[] shape = [b.BatchSize, b.Length];
        return (tensor(b.Src, shape, ScalarType.Int64).to(device), tensor(b.Values, shape, ScalarType.Float32).to(device),
            tensor(b.Flags, shape, ScalarType.Int64).to(device), tensor(b.Target, shape, ScalarType.Float32).to(device));
    }

    /// <summary>pred_perturb on the validation pairs (all genes, eval mode), then compute_perturbation_metrics.</summary>
    internal static IReadOnlyDictionary<string, double> Validate(TransformerGenerator model, PerturbationDataset data, List<CellPair> pairs,
        IReadOnlyList<int> geneIds, double[] controlMean, int batchSize, Device device)
    {
        var preds = ScgptPerturbationPredictor.PredictCells(model, data, pairs, geneIds, batchSize, device);
        var byCondition = new Dictionary<string, (double[] Pred, double[] True)>();
        foreach (var group in Enumerable.Range(0, pairs.Count).GroupBy(i => data.Conditions[pairs[i].Target]))
        {
            var idx = group.ToList();
            var pred = new double[data.NGenes];
            foreach (var i in idx) for (var g = 0; g < pred.Length; g++) pred[g] += preds[i][g];
            for (var g = 0; g < pred.Length; g++) pred[g] /= idx.Count;
            byCondition[group.Key] = (pred, data.MeanProfile(idx.Select(i => pairs[i].Target).ToList()));
        }
        return PerturbationMetrics.Compute(byCondition, controlMean);
    }

    internal static string Hardware(Device device) =>
        device.type == DeviceType.CUDA ? "CUDA GPU (libtorch)" : $"CPU ({Environment.ProcessorCount} cores, {get_num_threads()} torch threads)";
}
