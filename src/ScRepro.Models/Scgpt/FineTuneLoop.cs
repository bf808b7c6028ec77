using System.Diagnostics;
using ScRepro.Contracts;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Models.Training;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt;

/// <summary>One gradient step's forward pass: the loss and how many cells the batch held.</summary>
internal delegate (Tensor Loss, int Cells) TrainStep();

/// <summary>
/// The epoch loop both tutorials share (spec §4, §8): Adam over the trainable parameters, StepLR per epoch, grad clip,
/// the tutorials' fp16 autocast + GradScaler when amp is on and a GPU is there, a validation after every epoch,
/// best_model.pt whenever the selection metric improves, and an epoch-boundary checkpoint to resume from. The budget
/// (epochs, steps, wall clock, patience) decides when it stops. Each task supplies its epoch's steps and its validation.
/// Every random draw of an epoch is seeded from (seed, epoch), so a resumed run replays the uninterrupted one.
/// </summary>
internal sealed class FineTuneLoop
{
    public const string BestModelFile = "best_model.pt";

    private readonly ScgptNetwork _model;
    private readonly ScgptRecipe _recipe;
    private readonly string _outputDir;
    private readonly long _seed;
    private readonly List<Parameter> _trainable;
    private readonly optim.Optimizer _optimizer;
    private readonly optim.lr_scheduler.LRScheduler _scheduler;
    private readonly MixedPrecision _precision;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>
    /// Fails fast, before anything is written, when the metric that picks the best epoch is not one the task's
    /// validation reports (<paramref name="validationMetrics"/>).
    /// </summary>
    public static void CheckSelectionMetric(ScgptRecipe recipe, TrainingBudget budget, IReadOnlyCollection<string> validationMetrics, string source)
    {
        var metric = budget.EarlyStoppingMetric ?? recipe.SelectionMetric;
        if (!validationMetrics.Contains(metric))
            throw new ScReproException($"{source}: {(budget.EarlyStoppingMetric is null ? "hyperparameters.selection_metric" : "budget.early_stopping_metric")} "
                + $"'{metric}' is not validated by the {recipe.Task.Name()} recipe (one of: {string.Join(", ", validationMetrics)})");
    }

    public FineTuneLoop(ScgptNetwork model, ScgptRecipe recipe, TrainingBudget budget, long seed, string outputDir, Device device, string source)
    {
        _model = model;
        _recipe = recipe;
        _outputDir = outputDir;
        _seed = seed;
        _trainable = model.parameters().Where(p => p.requires_grad).ToList();
        _optimizer = optim.Adam(_trainable, recipe.Lr, eps: recipe.AdamEps);
        _scheduler = optim.lr_scheduler.StepLR(_optimizer, recipe.ScheduleInterval, recipe.ScheduleGamma);
        var progress = new TrainProgress();
        if (ResumeCheckpoint.Exists(outputDir))
        {
            progress = ResumeCheckpoint.Load(outputDir, model, _optimizer);
            for (var e = 0; e < progress.EpochsCompleted; e++) _scheduler.step();
            Output.Info($"scgpt: resuming from {ResumeCheckpoint.PathIn(outputDir)} after epoch {progress.EpochsCompleted}");
        }
        _precision = MixedPrecision.For(recipe.Amp, device, progress.LossScale);
        if (recipe.Amp) Output.Info($"{source}: {_precision.Note}");
        var metric = budget.EarlyStoppingMetric ?? recipe.SelectionMetric;
        Tracker = new BudgetTracker(budget, metric, StoppingMetric.HigherIsBetter(metric, source), progress, () => _clock.Elapsed.TotalSeconds);
    }

    public BudgetTracker Tracker { get; }

    public string BestModelPath => Path.Combine(_outputDir, BestModelFile);

    /// <summary>The learning rate after the last scheduler step.</summary>
    public double FinalLr => _scheduler.get_last_lr()[0];

    /// <summary>What the run trained in (fp32, or fp16 autocast with a loss scale), for the card.</summary>
    public string PrecisionNote => _precision.Note;

    /// <summary>Trains until the budget stops it; writes best_model.pt (the last weights if no epoch validated).</summary>
    /// <param name="title">Progress bar label.</param>
    /// <param name="stepsPerEpoch">Steps of a full epoch (an epoch cut short by the budget is marked incomplete).</param>
    /// <param name="epochSteps">The steps of one epoch, given its seed (seed · 1000 + epoch); enumerated lazily, in order.</param>
    /// <param name="validate">Validation metrics after an epoch; must hold the selection metric.</param>
    /// <param name="lossName">The training loss's name in the log line.</param>
    /// <param name="interruptAfterEpochs">Test hook: throw after this many epochs of this session (a simulated kill).</param>
    public void Run(string title, int stepsPerEpoch, Func<long, IEnumerable<TrainStep>> epochSteps,
        Func<IReadOnlyDictionary<string, double>> validate, string lossName, int? interruptAfterEpochs)
    {
        var sessionEpochs = 0;
        Output.WithProgress(title, (Tracker.Budget.Epochs ?? 1) * (double)stepsPerEpoch, report =>
        {
            while (Tracker.CanStartEpoch())
            {
                var epoch = Tracker.Progress.EpochsCompleted + 1;
                var epochSeed = _seed * 1000 + epoch;
                manual_seed(epochSeed); // dropout masks
                _model.train();
                double lossSum = 0;
                var steps = 0;
                foreach (var step in epochSteps(epochSeed))
                {
                    if (!Tracker.CanStep()) break;
                    using var scope = NewDisposeScope();
                    Tensor loss;
                    int cells;
                    using (_precision.Autocast()) (loss, cells) = step();
                    _optimizer.zero_grad();
                    _precision.Scale(loss).backward();
                    _precision.Unscale(_trainable);
                    var norm = nn.utils.clip_grad_norm_(_trainable, _recipe.GradClip);
                    // Without a loss scale a non-finite gradient is a diverged run (PyTorch's error_if_nonfinite); with one,
                    // it is an overflow of the scale, and the step is skipped while the scale backs off, as GradScaler does.
                    if (_precision.StepAndUpdate(_optimizer, norm) is false && !_precision.Scaled)
                        throw new ScReproException($"scgpt: epoch {epoch} step {steps + 1}: the gradient norm is {norm} (the loss diverged)");
                    Tracker.RecordStep(cells);
                    lossSum += loss.item<float>();
                    steps++;
                    report(1);
                }
                var metrics = validate();
                var value = metrics[Tracker.SelectionMetric];
                if (Tracker.EndEpoch(steps == 0 ? double.NaN : lossSum / steps, value, complete: steps == stepsPerEpoch))
                    ScgptWeights.Save(_model, BestModelPath);
                _scheduler.step();
                Tracker.Progress.LossScale = _precision.State;
                ResumeCheckpoint.Save(_outputDir, _model, _optimizer, Tracker.Snapshot());
                Output.Info($"scgpt: epoch {epoch} train {lossName} {lossSum / Math.Max(steps, 1):F5} val "
                    + string.Join(' ', metrics.Select(m => $"{m.Key} {m.Value:F4}")));
                sessionEpochs++;
                if (interruptAfterEpochs is { } n && sessionEpochs >= n && Tracker.CanStartEpoch())
                    throw new OperationCanceledException($"interrupted after {sessionEpochs} epoch(s) (test hook)");
            }
        });
        if (!File.Exists(BestModelPath)) ScgptWeights.Save(_model, BestModelPath);
    }

    /// <summary>The card's hardware line: a GPU, or the CPU cores and libtorch's thread count (float sums depend on it).</summary>
    public static string Hardware(Device device) =>
        device.type == DeviceType.CUDA ? "CUDA GPU (libtorch)" : $"CPU ({Environment.ProcessorCount} cores, {get_num_threads()} torch threads)";
}
