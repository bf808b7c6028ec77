namespace ScRepro.Models.Training;

/// <summary>
/// The counters a run carries across a checkpoint: what is needed to resume and to write TrainStats.
/// Mutable on purpose: the tracker updates it step by step, and a checkpoint stores a copy.
/// </summary>
public sealed record TrainProgress
{
    /// <summary>Epochs finished (trained and validated).</summary>
    public int EpochsCompleted { get; set; }

    /// <summary>Optimiser steps taken in the whole run.</summary>
    public long GradientSteps { get; set; }

    /// <summary>Training cells passed through the model (batch sizes summed).</summary>
    public long CellsSeen { get; set; }

    /// <summary>Wall-clock seconds spent in earlier sessions of this run (before a resume).</summary>
    public double ElapsedBeforeS { get; set; }

    public double? BestValue { get; set; }

    /// <summary>1-based epoch of <see cref="BestValue"/>.</summary>
    public int? BestEpoch { get; set; }

    public int EpochsWithoutImprovement { get; set; }

    /// <summary>The validation value after each epoch, in order.</summary>
    public List<double> ValHistory { get; set; } = [];

    /// <summary>Mean training loss per epoch, in order.</summary>
    public List<double> TrainLossHistory { get; set; } = [];

    /// <summary>The dynamic loss scale of fp16 training and its steps since the last change (null when not scaling).</summary>
    public LossScaleState? LossScale { get; set; }

    public TrainProgress Copy() => this with { ValHistory = [.. ValHistory], TrainLossHistory = [.. TrainLossHistory] };
}

/// <summary>GradScaler's state: the scale and the overflow-free steps since it last changed.</summary>
public sealed record LossScaleState(double Scale, int GrowthTracker);
