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

namespace ScRepro.Models.Scgpt.Annotation;

/// <summary>
/// Tutorial_Annotation's loop (spec §2.3, §8): cross-entropy on the &lt;cls&gt; logits, Adam (eps 1e-4 in the tutorial),
/// StepLR per epoch, grad clip 1.0, training batches in a fixed order (the tutorial's loader does not shuffle), best epoch
/// by validation loss (or the budget's metric), best_model.pt, epoch-boundary resume as the perturbation trainer.
/// </summary>
public static class ScgptAnnotationTrainer
{
    public const string BestModelFile = ScgptWeights.BestModelFile;

    public const string ClassesFile = "classes.json";

    /// <summary>What each epoch's validation reports: mean cross-entropy and accuracy on the validation cells.</summary>
    private static readonly string[] ValidationMetrics = ["val_loss", "accuracy"];

    public static (TrainStats Stats, ScgptAnnotationPredictor Predictor) Train(AnnotationTrainRequest request, int? interruptAfterEpochs = null)
    {
        var r = request.Recipe;
        var budget = request.Budget.Validated(request.Source);
        FineTuneLoop.CheckSelectionMetric(r.LoopSettings, budget, ValidationMetrics, request.Source);
        var data = request.Data;
        if (!data.Obs.Contains(request.LabelColumn)) throw new ScReproException($"{request.Source}: obs has no column '{request.LabelColumn}'");
        var seeds = new SeedLedger(request.Seed);
        var rowOf = data.ObsNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        int[] Rows(IReadOnlyList<string> names) => names.Select(n => rowOf.TryGetValue(n, out var i) ? i
            : throw new ScReproException($"{request.Source}: split cell '{n}' is not an obs_name")).ToArray();
        var trainRows = Rows(request.TrainCells);
        var valRows = Rows(request.ValCells);
        var valSource = "split val cells";
        if (valRows.Length == 0)
        {
            (trainRows, valRows) = ValidationHoldout.Split(trainRows, seeds.Derive(SeedPurposes.ValidationHoldout), request.Source);
            valSource = ValidationHoldout.Note;
        }
        // Classes: every label in the data, sorted (the tutorial codes the categories of the whole reference set).
        var classes = Enumerable.Range(0, data.NObs).Select(i => data.Obs[request.LabelColumn].GetString(i))
            .Where(s => s is not null).Select(s => s!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Directory.CreateDirectory(request.OutputDir);

        var genes = data.Var.Contains("gene_name")
            ? Enumerable.Range(0, data.NVars).Select(i => data.Var["gene_name"].GetString(i) ?? data.VarNames[i]).ToArray()
            : data.VarNames;
        var built = ScgptModelBuilder.Build(r, genes, classes.Length, seeds.Derive(SeedPurposes.Init), request.PretrainedDir);
        var model = (TransformerModel)built.Model;
        built.WriteModelFolder(request.OutputDir, r.MaxSeqLen);
        Json.WriteFile(Path.Combine(request.OutputDir, ClassesFile), classes);
        var device = ScgptModelBuilder.DefaultDevice;
        model.to(device);

        var view = new ScgptConfigView(r.NBins, r.IncludeZeroGene, r.MaxSeqLen, (float)r.PadValue);
        var train = AnnotationInputs.Build(data, trainRows, request.LabelColumn, classes, built.Vocab, view, seeds.Derive(SeedPurposes.TrainInputs), request.Source);
        var val = AnnotationInputs.Build(data, valRows, request.LabelColumn, classes, built.Vocab, view, seeds.Derive(SeedPurposes.ValInputs), request.Source);
        // Padding (and the subsampling of long cells) once, before training, as the tutorial tokenizes once.
        var trainBatches = ScgptAnnotationPredictor.Batches(train, r.BatchSize, r.MaxSeqLen, built.Vocab.PadId, view.PadValue, seeds.Derive(SeedPurposes.TrainBatches));
        var valBatches = ScgptAnnotationPredictor.Batches(val, r.EvalBatchSize, r.MaxSeqLen, built.Vocab.PadId, view.PadValue, seeds.Derive(SeedPurposes.ValBatches));

        var loop = new FineTuneLoop(model, r.LoopSettings, r.Scheduler, ScgptWeights.Save, budget, seeds, request.OutputDir, device, request.Source);
        // The tutorial's loader does not shuffle: every epoch walks the same batches in the same order.
        IEnumerable<TrainStep> EpochSteps(long epochSeed) => trainBatches.Select(b => (TrainStep)(() =>
        {
            var (src, values, mask) = ScgptAnnotationPredictor.ToTensors(b.Batch, device);
            var labels = tensor(b.Labels, [b.Labels.Length], ScalarType.Int64).to(device);
            return (nn.functional.cross_entropy(model.forward(src, values, mask), labels, ignore_index: -1), b.Batch.BatchSize);
        }));
        loop.Run("scgpt annotation", trainBatches.Count, EpochSteps, () =>
        {
            var (loss, accuracy) = ScgptAnnotationPredictor.Evaluate(model, valBatches, device);
            return new Dictionary<string, double> { ["val_loss"] = loss, ["accuracy"] = accuracy };
        }, "ce", interruptAfterEpochs);
        var predictor = ScgptAnnotationPredictor.FromFolder(request.OutputDir);
        ScgptAnnotationPredictor.RecordSeeds(seeds);
        var details = new ScgptModelDetails(
            Architecture: "TransformerModel+ClsDecoder", Variant: built.Config.Variant.ToString(),
            DModel: built.Config.DModel, Nhead: built.Config.NHead, DHid: built.Config.DHid, Nlayers: built.Config.NLayers,
            Ntoken: built.Config.NToken, NCls: classes.Length,
            TrainableParameters: built.Trainable, FrozenParameters: built.Frozen,
            Init: request.PretrainedDir is null ? "scratch" : "pretrained",
            PretrainedAttentionLayout: built.Pretrained?.Layout.ToString(),
            PretrainedLoaded: built.Pretrained?.Loaded.Count,
            PretrainedLeftInitialised: built.Pretrained?.LeftInitialised,
            GenesInVocab: null, NGenes: null,
            TrainCells: trainRows.Length, ValCells: valRows.Length, ValSource: valSource, PaddedLength: trainBatches[0].Batch.Length,
            Seed: request.Seed, FinalLr: null)
        {
            Precision = loop.PrecisionNote,
            AmpRequested = r.Amp,
            RngNote = "binning ties and long-cell subsampling drawn from a seeded numpy-compatible generator (scGPT's are unseeded)",
        };
        var stats = loop.ToStats(budget.Epochs, details);
        Json.WriteFile(Path.Combine(request.OutputDir, "training_stats.json"), stats);
        return (stats, predictor);
    }
}
