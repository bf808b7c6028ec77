using ScRepro.Contracts;

namespace ScRepro.Models.Training;

/// <summary>
/// Decides when training stops under a <see cref="TrainingBudget"/>: before every step (max_steps, max_wall_clock_s →
/// "budget") and after every validated epoch (patience → "early_stop", epochs → "max_epochs"). It also keeps the best
/// validation value, which picks the checkpoint that becomes best_model.pt.
/// </summary>
public sealed class BudgetTracker
{
    private readonly Func<double> _sessionSeconds;

    /// <param name="budget">The limits.</param>
    /// <param name="selectionMetric">The validation metric that picks the best epoch (and stops early when patience is set).</param>
    /// <param name="higherIsBetter">Its direction.</param>
    /// <param name="progress">Counters to continue from (a resumed run) or a fresh one.</param>
    /// <param name="sessionSeconds">Seconds since this session started (a stopwatch; tests pass a fake clock).</param>
    public BudgetTracker(TrainingBudget budget, string selectionMetric, bool higherIsBetter, TrainProgress progress, Func<double> sessionSeconds)
    {
        Budget = budget;
        SelectionMetric = selectionMetric;
        HigherIsBetter = higherIsBetter;
        Progress = progress;
        _sessionSeconds = sessionSeconds;
    }

    public TrainingBudget Budget { get; }
    public string SelectionMetric { get; }
    public bool HigherIsBetter { get; }
    public TrainProgress Progress { get; }

    /// <summary>Why the run stopped, once it has.</summary>
    public StopReason? Reason { get; private set; }

    /// <summary>
    /// Which limit a "budget" stop hit: "max_steps" or "max_wall_clock_s". Nightly tells them apart: a step limit is
    /// part of the recipe, a wall-clock cap is the machine's speed and makes the numbers incomparable.
    /// </summary>
    public string? BudgetLimit { get; private set; }

    /// <summary>Wall-clock seconds of the whole run, earlier sessions included.</summary>
    public double ElapsedSeconds => Progress.ElapsedBeforeS + _sessionSeconds();

    /// <summary>True when another epoch may start (and sets "max_epochs" when the epochs are used up).</summary>
    public bool CanStartEpoch()
    {
        if (Reason is not null) return false;
        if (Budget.Epochs is { } e && Progress.EpochsCompleted >= e) { Reason = StopReason.MaxEpochs; return false; }
        return CanStep();
    }

    /// <summary>True when another gradient step may run; sets "budget" when max_steps or the wall clock is used up.</summary>
    public bool CanStep()
    {
        if (Reason is not null) return false;
        if (Budget.MaxSteps is { } s && Progress.GradientSteps >= s) { (Reason, BudgetLimit) = (StopReason.Budget, "max_steps"); return false; }
        if (Budget.MaxWallClockS is { } w && ElapsedSeconds >= w) { (Reason, BudgetLimit) = (StopReason.Budget, "max_wall_clock_s"); return false; }
        return true;
    }

    /// <summary>Counts one optimiser step over <paramref name="cells"/> cells.</summary>
    public void RecordStep(int cells)
    {
        Progress.GradientSteps++;
        Progress.CellsSeen += cells;
    }

    /// <summary>
    /// Records a validated epoch (complete, or cut short by the budget); returns true when it is the best so far.
    /// Patience counts epochs without strict improvement, as the tutorials' `patience >= early_stop` check does.
    /// </summary>
    public bool EndEpoch(double trainLoss, double valValue, bool complete = true)
    {
        Progress.EpochsCompleted++;
        Progress.TrainLossHistory.Add(trainLoss);
        Progress.ValHistory.Add(valValue);
        var improved = StoppingMetric.IsBetter(valValue, Progress.BestValue, HigherIsBetter);
        if (improved)
        {
            Progress.BestValue = valValue;
            Progress.BestEpoch = Progress.EpochsCompleted;
            Progress.EpochsWithoutImprovement = 0;
        }
        else
        {
            Progress.EpochsWithoutImprovement++;
        }
        if (complete && Reason is null && Budget.Patience is { } p && Budget.EarlyStoppingMetric is not null
            && Progress.EpochsWithoutImprovement >= p)
            Reason = StopReason.EarlyStop;
        return improved;
    }

    /// <summary>Freezes the elapsed time into the progress (before a checkpoint is written).</summary>
    public TrainProgress Snapshot() => Progress.Copy() with { ElapsedBeforeS = ElapsedSeconds };

    /// <summary>The stats of the run so far (without provenance: the Train stage adds it); the reason must be known.</summary>
    public TrainStats ToStats(string hardware, int? maxEpochs, ModelDetails model) => new(
        WallClockS: Math.Round(ElapsedSeconds, 3),
        WandbRunUrl: null,
        Reason: Reason ?? throw new InvalidOperationException("training has not stopped"),
        Details: new FineTuneDetails(
            EpochsTrained: Progress.EpochsCompleted,
            MaxEpochs: maxEpochs,
            GradientSteps: Progress.GradientSteps,
            Hardware: hardware,
            SelectionMetric: SelectionMetric,
            EarlyStoppingMetric: Budget.EarlyStoppingMetric,
            Patience: Budget.Patience,
            BestValValue: Progress.BestValue,
            BestValEpoch: Progress.BestEpoch,
            ValHistory: [.. Progress.ValHistory],
            TrainLossHistory: [.. Progress.TrainLossHistory],
            Model: model,
            BudgetLimit: BudgetLimit) { CellsSeen = Progress.CellsSeen });
}
