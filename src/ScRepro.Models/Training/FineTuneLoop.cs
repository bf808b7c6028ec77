using ScRepro.Foundation.Random;
using System.Diagnostics;
using ScRepro.Contracts;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Training;

/// <summary>One gradient step's forward pass: the loss and how many cells the batch held.</summary>
internal delegate (Tensor Loss, int Cells) TrainStep();

/// <summary>
/// The epoch loop every fine-tuned model shares (scGPT's two tutorials, scBERT's finetune.py): Adam over the trainable
/// parameters, the model's per-epoch scheduler, optional gradient accumulation, grad clip, fp16 autocast + GradScaler
/// when amp is on and a GPU is there, a validation after every epoch, the best weights whenever the selection metric
/// improves, and an epoch-boundary checkpoint to resume from. The budget (epochs, steps, wall clock, patience) decides
/// when it stops. Each model supplies its epoch's steps, its validation and how it saves its best weights. Every random
/// draw of an epoch is seeded from (seed, epoch), so a resumed run replays the uninterrupted one.
/// </summary>
internal sealed class FineTuneLoop
{
    private readonly nn.Module _model;
    private readonly FineTuneSettings _settings;
    private readonly string _outputDir;
    private readonly SeedLedger _seeds;
    private readonly Action<nn.Module, string> _saveBest;
    private readonly List<Parameter> _trainable;
    private readonly optim.Optimizer _optimizer;
    private readonly optim.lr_scheduler.LRScheduler _scheduler;
    private readonly MixedPrecision _precision;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _pending;
    private int _optimizerSteps;

    /// <summary>
    /// Fails fast, before anything is written, when the metric that picks the best epoch is not one the task's
    /// validation reports (<paramref name="validationMetrics"/>).
    /// </summary>
    public static void CheckSelectionMetric(FineTuneSettings settings, TrainingBudget budget, IReadOnlyCollection<string> validationMetrics, string source)
    {
        var metric = budget.EarlyStoppingMetric ?? settings.SelectionMetric;
        if (!validationMetrics.Contains(metric))
            throw new ScReproException($"{source}: {(budget.EarlyStoppingMetric is null ? "hyperparameters.selection_metric" : "budget.early_stopping_metric")} "
                + $"'{metric}' is not validated by the {settings.Recipe} recipe (one of: {string.Join(", ", validationMetrics)})");
    }

    /// <param name="scheduler">The per-epoch learning-rate schedule over the loop's optimizer.</param>
    /// <param name="saveBest">Writes the model's best weights to a path (the model's own checkpoint format).</param>
    public FineTuneLoop(nn.Module model, FineTuneSettings settings, Func<optim.Optimizer, optim.lr_scheduler.LRScheduler> scheduler,
        Action<nn.Module, string> saveBest, TrainingBudget budget, SeedLedger seeds, string outputDir, Device device, string source)
    {
        _model = model;
        _settings = settings;
        _saveBest = saveBest;
        _outputDir = outputDir;
        _seeds = seeds;
        _device = device;
        _trainable = model.parameters().Where(p => p.requires_grad).ToList();
        _optimizer = settings.WeightDecay is { } wd
            ? optim.AdamW(_trainable, settings.Lr, eps: settings.AdamEps, weight_decay: wd)
            : optim.Adam(_trainable, settings.Lr, eps: settings.AdamEps);
        _scheduler = scheduler(_optimizer);
        var progress = new TrainProgress();
        if (ResumeCheckpoint.Exists(outputDir))
        {
            progress = ResumeCheckpoint.Load(outputDir, model, _optimizer);
            _optimizerSteps = checked((int)(progress.GradientSteps / settings.GradAccumulation)); // a per-step schedule continues where it stopped
            for (var e = 0; e < progress.EpochsCompleted; e++) _scheduler.step();
            Output.Info($"{settings.Name}: resuming from {ResumeCheckpoint.PathIn(outputDir)} after epoch {progress.EpochsCompleted}");
        }
        _precision = MixedPrecision.For(settings.Amp, device, progress.LossScale);
        if (settings.Amp) Output.Info($"{source}: {_precision.Note}");
        var metric = budget.EarlyStoppingMetric ?? settings.SelectionMetric;
        Tracker = new BudgetTracker(budget, metric, StoppingMetric.HigherIsBetter(metric, source), progress, () => _clock.Elapsed.TotalSeconds);
    }

    private readonly Device _device;

    public BudgetTracker Tracker { get; }

    /// <summary>
    /// The run's TrainStats (without provenance: the Train stage adds it), with this session's epoch times and the
    /// peak memory: the imbalance study compares models on speed and memory as well as accuracy.
    /// </summary>
    public TrainStats ToStats(int? maxEpochs, ModelDetails model)
    {
        var stats = Tracker.ToStats(Hardware(_device), maxEpochs, model);
        return stats with
        {
            Details = (FineTuneDetails)stats.Details with
            {
                EpochSeconds = [.. EpochSeconds.Select(s => Math.Round(s, 3))],
                PeakMemory = Training.PeakMemory.Describe(_device),
                DerivedSeeds = _seeds.Derived,
            },
        };
    }

    public string BestModelPath => Path.Combine(_outputDir, _settings.BestModelFile);

    /// <summary>The learning rate after the last scheduler step.</summary>
    public double FinalLr => _scheduler.get_last_lr()[0];

    /// <summary>What the run trained in (fp32, or fp16 autocast with a loss scale), for the card.</summary>
    public string PrecisionNote => _precision.Note;

    /// <summary>Seconds each epoch of this session took (training and validation), for the card's budget table.</summary>
    public List<double> EpochSeconds { get; } = [];

    /// <summary>Trains until the budget stops it; writes the best weights (the last weights if no epoch validated).</summary>
    /// <param name="title">Progress bar label.</param>
    /// <param name="stepsPerEpoch">Steps of a full epoch (an epoch cut short by the budget is marked incomplete).</param>
    /// <param name="epochSteps">The steps of one epoch, given the seed of its order stream (SeedPurposes.EpochOrder); enumerated lazily, in order.
    /// With gradient accumulation k the optimizer steps after every k-th of them; gradients left over at an epoch's end
    /// carry into the next, as scBERT's loop (index % GRADIENT_ACCUMULATION) does.</param>
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
                var epochClock = Stopwatch.StartNew();
                manual_seed(_seeds.Derive(SeedPurposes.EpochTorch(epoch))); // dropout masks
                _model.train();
                double lossSum = 0;
                var steps = 0;
                foreach (var step in epochSteps(_seeds.Derive(SeedPurposes.EpochOrder(epoch))))
                {
                    if (!Tracker.CanStep()) break;
                    using var scope = NewDisposeScope();
                    Tensor loss;
                    int cells;
                    using (_precision.Autocast()) (loss, cells) = step();
                    _precision.Scale(loss).backward();
                    if (++_pending >= _settings.GradAccumulation)
                    {
                        _pending = 0;
                        if (_settings.StepLrFactor is { } factor)
                            foreach (var g in _optimizer.param_groups) g.LearningRate = _settings.Lr * factor(_optimizerSteps);
                        _optimizerSteps++;
                        _precision.Unscale(_trainable);
                        var norm = nn.utils.clip_grad_norm_(_trainable, _settings.GradClip);
                        // Without a loss scale a non-finite gradient is a diverged run (PyTorch's error_if_nonfinite); with one,
                        // it is an overflow of the scale, and the step is skipped while the scale backs off, as GradScaler does.
                        if (_precision.StepAndUpdate(_optimizer, norm) is false && !_precision.Scaled)
                            throw new ScReproException($"{_settings.Name}: epoch {epoch} step {steps + 1}: the gradient norm is {norm} (the loss diverged)");
                        _optimizer.zero_grad();
                    }
                    Tracker.RecordStep(cells);
                    lossSum += loss.item<float>();
                    steps++;
                    report(1);
                }
                var metrics = validate();
                var value = metrics[Tracker.SelectionMetric];
                if (Tracker.EndEpoch(steps == 0 ? double.NaN : lossSum / steps, value, complete: steps == stepsPerEpoch))
                    _saveBest(_model, BestModelPath);
                _scheduler.step();
                Tracker.Progress.LossScale = _precision.State;
                ResumeCheckpoint.Save(_outputDir, _model, _optimizer, Tracker.Snapshot());
                EpochSeconds.Add(epochClock.Elapsed.TotalSeconds);
                Output.Info($"{_settings.Name}: epoch {epoch} train {lossName} {lossSum / Math.Max(steps, 1):F5} val "
                    + string.Join(' ', metrics.Select(m => $"{m.Key} {m.Value:F4}")));
                sessionEpochs++;
                if (interruptAfterEpochs is { } n && sessionEpochs >= n && Tracker.CanStartEpoch())
                    throw new OperationCanceledException($"interrupted after {sessionEpochs} epoch(s) (test hook)");
            }
        });
        if (!File.Exists(BestModelPath)) _saveBest(_model, BestModelPath);
    }

    /// <summary>The card's hardware line: a GPU, or the CPU cores and libtorch's thread count (float sums depend on it).</summary>
    public static string Hardware(Device device) =>
        device.type == DeviceType.CUDA ? "CUDA GPU (libtorch)" : $"CPU ({Environment.ProcessorCount} cores, {get_num_threads()} torch threads)";
}
