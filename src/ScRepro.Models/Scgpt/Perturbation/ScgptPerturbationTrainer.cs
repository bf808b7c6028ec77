using ScRepro.Foundation.Random;
using ScRepro.Contracts;
using ScRepro.Splits.Random;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
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
    public const string BestModelFile = ScgptWeights.BestModelFile;

    /// <param name="request">Data, split, recipe, budget, seed and output folder.</param>
    /// <param name="interruptAfterEpochs">Test hook: throw after this many epochs of this session (a simulated kill).</param>
    public static (TrainStats Stats, ScgptPerturbationPredictor Predictor) Train(PerturbationTrainRequest request, int? interruptAfterEpochs = null)
    {
        var r = request.Recipe;
        var budget = request.Budget.Validated(request.Source);
        FineTuneLoop.CheckSelectionMetric(r.LoopSettings, budget, PerturbationMetrics.Names, request.Source);
        var data = PerturbationDataset.FromAnnData(request.Data, request.ConditionColumn, request.ControlLabel, request.Source);
        var trainSet = request.TrainConditions.Append(request.ControlLabel).ToHashSet(StringComparer.Ordinal);
        var valSet = request.ValConditions.Where(c => c != request.ControlLabel).ToHashSet(StringComparer.Ordinal);
        if (valSet.Count == 0) throw new ScReproException($"{request.Source}: no validation conditions: early stopping and model selection need some");
        Directory.CreateDirectory(request.OutputDir);

        var seeds = new SeedLedger(request.Seed);
        var built = ScgptModelBuilder.Build(r, data.Genes, 1, seeds.Derive(SeedPurposes.Init), request.PretrainedDir);
        var model = (TransformerGenerator)built.Model;
        var geneIds = built.Vocab.MapGenes(data.Genes).Ids;
        built.WriteModelFolder(request.OutputDir, r.MaxSeqLen);
        var device = ScgptModelBuilder.DefaultDevice;
        model.to(device);

        // GEARS pairs once, when it builds its dataset; seeded here.
        var pairRng = new NumpyRandomState(seeds.Derive(SeedPurposes.TrainControlPairs));
        var trainPairs = data.Pairs(trainSet, pairRng);
        var valPairs = data.Pairs(valSet, pairRng);
        if (trainPairs.Count < r.BatchSize)
            throw new ScReproException($"{request.Source}: {trainPairs.Count} training cells, fewer than one batch of {r.BatchSize}");
        var controlMean = data.MeanProfile(data.ControlCells);

        var loop = new FineTuneLoop(model, r.LoopSettings, r.Scheduler, ScgptWeights.Save, budget, seeds, request.OutputDir, device, request.Source);
        var stepsPerEpoch = trainPairs.Count / r.BatchSize;
        // Each epoch: a seeded shuffle (drop_last), and per batch one seeded gene subset when the genes exceed max_seq_len.
        IEnumerable<TrainStep> EpochSteps(long epochSeed)
        {
            var rng = new NumpyRandomState(epochSeed & 0xffffffff);
            var order = rng.Permutation(trainPairs.Count);
            for (var b = 0; b < stepsPerEpoch; b++)
            {
                var batchIndex = b;
                yield return () =>
                {
                    var pairs = order.Skip(batchIndex * r.BatchSize).Take(r.BatchSize).Select(i => trainPairs[i]).ToList();
                    var positions = PerturbationBatch.SelectPositions(data.NGenes, r.MaxSeqLen, rng);
                    var batch = PerturbationBatch.Build(data, pairs, positions, geneIds);
                    var (src, values, flags, target) = ToTensors(batch, device);
                    return (nn.functional.mse_loss(model.forward(src, values, flags), target), pairs.Count);
                };
            }
        }
        loop.Run("scgpt perturbation", stepsPerEpoch, EpochSteps,
            () => Validate(model, data, valPairs, geneIds, controlMean, r.EvalBatchSize, device), "mse", interruptAfterEpochs);

        seeds.Derive(SeedPurposes.PredictControlPairs); // the stream the predictor draws from with this unit seed
        var best = ScgptPerturbationPredictor.Load(loop.BestModelPath, built.Config, built.Vocab, request.ConditionColumn);
        var details = new ScgptModelDetails(
            Architecture: "TransformerGenerator", Variant: built.Config.Variant.ToString(),
            DModel: built.Config.DModel, Nhead: built.Config.NHead, DHid: built.Config.DHid, Nlayers: built.Config.NLayers,
            Ntoken: built.Config.NToken, NCls: null,
            TrainableParameters: built.Trainable, FrozenParameters: built.Frozen,
            Init: request.PretrainedDir is null ? "scratch" : "pretrained",
            PretrainedAttentionLayout: built.Pretrained?.Layout.ToString(),
            PretrainedLoaded: built.Pretrained?.Loaded.Count,
            PretrainedLeftInitialised: built.Pretrained?.LeftInitialised,
            GenesInVocab: built.Vocab.MapGenes(data.Genes).Found, NGenes: data.NGenes,
            TrainCells: trainPairs.Count, ValCells: valPairs.Count, ValSource: null, PaddedLength: null,
            Seed: request.Seed, FinalLr: loop.FinalLr)
        {
            Precision = loop.PrecisionNote,
            AmpRequested = r.Amp,
            RngNote = "control pairing, shuffling and gene subsets drawn from seeded generators (scGPT/GEARS draw unseeded)",
        };
        var stats = loop.ToStats(budget.Epochs, details);
        Json.WriteFile(Path.Combine(request.OutputDir, "training_stats.json"), stats);
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
}
