using ScRepro.Splits.Random;
using System.Diagnostics;
using ScRepro.Core.Console;
using ScRepro.Core.Errors;
using ScRepro.Core.IO;
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
    public const string BestModelFile = "best_model.pt";
    public const string ClassesFile = "classes.json";

    public static (TrainStats Stats, ScgptAnnotationPredictor Predictor) Train(AnnotationTrainRequest request, int? interruptAfterEpochs = null)
    {
        var r = request.Recipe;
        var budget = request.Budget.Validated(request.Source);
        var data = request.Data;
        if (!data.Obs.Contains(request.LabelColumn)) throw new ScReproException($"{request.Source}: obs has no column '{request.LabelColumn}'");
        var rowOf = data.ObsNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        int[] Rows(IReadOnlyList<string> names) => names.Select(n => rowOf.TryGetValue(n, out var i) ? i
            : throw new ScReproException($"{request.Source}: split cell '{n}' is not an obs_name")).ToArray();
        var trainRows = Rows(request.TrainCells);
        var valRows = Rows(request.ValCells);
        var valSource = "split val cells";
        if (valRows.Length == 0)
        {
            // No val part in the split (e.g. a stratified train/test split): hold out 10% of the training cells as the tutorial
            // does (train_test_split(test_size=0.1, shuffle=True): ceil(0.1 n) of a permutation), seeded here.
            if (trainRows.Length < 2) throw new ScReproException($"{request.Source}: {trainRows.Length} training cells, too few to hold out validation cells");
            var perm = new NumpyRandomState((request.Seed + 4) & 0xffffffff).Permutation(trainRows.Length);
            var nVal = (int)Math.Ceiling(0.1 * trainRows.Length);
            valRows = perm[..nVal].Select(i => trainRows[i]).ToArray();
            trainRows = perm[nVal..].Select(i => trainRows[i]).ToArray();
            valSource = "10% of the training cells (the split has no val part; the tutorial's train_test_split(test_size=0.1), seeded)";
        }
        // Classes: every label in the data, sorted (the tutorial codes the categories of the whole reference set).
        var classes = Enumerable.Range(0, data.NObs).Select(i => data.Obs[request.LabelColumn].GetString(i))
            .Where(s => s is not null).Select(s => s!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Directory.CreateDirectory(request.OutputDir);

        var genes = data.Var.Contains("gene_name")
            ? Enumerable.Range(0, data.NVars).Select(i => data.Var["gene_name"].GetString(i) ?? data.VarNames[i]).ToArray()
            : data.VarNames;
        var built = ScgptModelBuilder.Build(r, genes, classes.Length, request.Seed, request.PretrainedDir);
        var model = (TransformerModel)built.Model;
        AtomicFile.WriteAllText(Path.Combine(request.OutputDir, PretrainedFolder.VocabFile), built.Vocab.ToJson());
        AtomicFile.WriteAllText(Path.Combine(request.OutputDir, PretrainedFolder.ArgsFile), Config.ScgptArgs.FromConfig(built.Config, r.MaxSeqLen).ToJson());
        Json.WriteFile(Path.Combine(request.OutputDir, ClassesFile), classes);
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        model.to(device);

        var view = new ScgptConfigView(r.NBins, r.IncludeZeroGene, r.MaxSeqLen, (float)r.PadValue);
        var train = AnnotationInputs.Build(data, trainRows, request.LabelColumn, classes, built.Vocab, view, request.Seed, request.Source);
        var val = AnnotationInputs.Build(data, valRows, request.LabelColumn, classes, built.Vocab, view, request.Seed + 1, request.Source);
        // Padding (and the subsampling of long cells) once, before training, as the tutorial tokenizes once.
        var trainBatches = ScgptAnnotationPredictor.Batches(train, r.BatchSize, r.MaxSeqLen, built.Vocab.PadId, view.PadValue, request.Seed + 2);
        var valBatches = ScgptAnnotationPredictor.Batches(val, r.EvalBatchSize, r.MaxSeqLen, built.Vocab.PadId, view.PadValue, request.Seed + 3);

        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        var optimizer = optim.Adam(trainable, r.Lr, eps: r.AdamEps);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, r.ScheduleInterval, r.ScheduleGamma);
        var progress = new TrainProgress();
        if (ResumeCheckpoint.Exists(request.OutputDir))
        {
            progress = ResumeCheckpoint.Load(request.OutputDir, model, optimizer);
            for (var e = 0; e < progress.EpochsCompleted; e++) scheduler.step();
        }
        var metric = budget.EarlyStoppingMetric ?? r.SelectionMetric;
        if (r.Amp) Output.Info($"{request.Source}: {r.PrecisionNote}");
        var clock = Stopwatch.StartNew();
        var tracker = new BudgetTracker(budget, metric, MetricDirection.HigherIsBetter(metric, request.Source), progress, () => clock.Elapsed.TotalSeconds);
        var bestPath = Path.Combine(request.OutputDir, BestModelFile);
        var sessionEpochs = 0;
        Output.WithProgress("scgpt annotation", (budget.Epochs ?? 1) * (double)trainBatches.Count, report =>
        {
            while (tracker.CanStartEpoch())
            {
                var epoch = progress.EpochsCompleted + 1;
                manual_seed(request.Seed * 1000 + epoch); // dropout masks: a function of (seed, epoch), so resume replays them
                model.train();
                double lossSum = 0;
                var steps = 0;
                foreach (var (batch, labels) in trainBatches)
                {
                    if (!tracker.CanStep()) break;
                    using var scope = NewDisposeScope();
                    var (src, values, mask) = ScgptAnnotationPredictor.ToTensors(batch, device);
                    var logits = model.forward(src, values, mask);
                    var loss = nn.functional.cross_entropy(logits, tensor(labels, [labels.Length], ScalarType.Int64).to(device), ignore_index: -1);
                    optimizer.zero_grad();
                    loss.backward();
                    nn.utils.clip_grad_norm_(trainable, r.GradClip);
                    optimizer.step();
                    tracker.RecordStep(batch.BatchSize);
                    lossSum += loss.item<float>();
                    steps++;
                    report(1);
                }
                var (valLoss, valAcc) = ScgptAnnotationPredictor.Evaluate(model, valBatches, device);
                var value = metric switch { "val_loss" or "loss" or "cross_entropy" => valLoss, "accuracy" => valAcc,
                    _ => throw new ScReproException($"{request.Source}: annotation selection metric '{metric}' must be val_loss or accuracy") };
                if (tracker.EndEpoch(steps == 0 ? double.NaN : lossSum / steps, value, complete: steps == trainBatches.Count))
                    ScgptWeights.Save(model, bestPath);
                scheduler.step();
                ResumeCheckpoint.Save(request.OutputDir, model, optimizer, tracker.Snapshot());
                Output.Info($"scgpt: epoch {epoch} train ce {lossSum / Math.Max(steps, 1):F4} val loss {valLoss:F4} acc {valAcc:F4}");
                sessionEpochs++;
                if (interruptAfterEpochs is { } n && sessionEpochs >= n && tracker.CanStartEpoch())
                    throw new OperationCanceledException($"interrupted after {sessionEpochs} epoch(s) (test hook)");
            }
        });
        if (!File.Exists(bestPath)) ScgptWeights.Save(model, bestPath);
        var predictor = ScgptAnnotationPredictor.FromFolder(request.OutputDir);
        var details = new Dictionary<string, object?>
        {
            ["architecture"] = "TransformerModel+ClsDecoder",
            ["d_model"] = built.Config.DModel, ["nhead"] = built.Config.NHead, ["d_hid"] = built.Config.DHid,
            ["nlayers"] = built.Config.NLayers, ["ntoken"] = built.Config.NToken, ["n_cls"] = classes.Length,
            ["trainable_parameters"] = built.Trainable, ["frozen_parameters"] = built.Frozen,
            ["init"] = request.PretrainedDir is null ? "scratch" : "pretrained",
            ["pretrained_attention_layout"] = built.Pretrained?.Layout.ToString(),
            ["pretrained_loaded"] = built.Pretrained?.Loaded.Count,
            ["pretrained_left_initialised"] = built.Pretrained?.LeftInitialised,
            ["train_cells"] = trainRows.Length, ["val_cells"] = valRows.Length, ["val_source"] = valSource, ["padded_length"] = trainBatches[0].Batch.Length,
            ["seed"] = request.Seed,
            ["precision"] = r.PrecisionNote, ["amp_requested"] = r.Amp,
            ["rng_note"] = "binning ties and long-cell subsampling drawn from a seeded numpy-compatible generator (scGPT's are unseeded)",
        };
        var stats = tracker.ToStats(Perturbation.ScgptPerturbationTrainer.Hardware(device), budget.Epochs, details);
        stats.Write(Path.Combine(request.OutputDir, "training_stats.json"));
        return (stats, predictor);
    }
}
