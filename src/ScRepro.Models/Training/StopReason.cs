namespace ScRepro.Models.Training;

/// <summary>Why training stopped; the strings are the seed card's TrainStats `reason` values.</summary>
public enum StopReason
{
    /// <summary>All configured epochs ran ("max_epochs").</summary>
    MaxEpochs,

    /// <summary>The stopping metric did not improve for `patience` epochs ("early_stop").</summary>
    EarlyStop,

    /// <summary>The training loss stopped changing (below the tolerance) ("converged").</summary>
    Converged,

    /// <summary>max_steps or max_wall_clock_s was reached ("budget").</summary>
    Budget,
}

/// <summary>The JSON spelling of <see cref="StopReason"/>.</summary>
public static class StopReasonNames
{
    public static string ToName(this StopReason r) => r switch
    {
        StopReason.MaxEpochs => "max_epochs",
        StopReason.EarlyStop => "early_stop",
        StopReason.Converged => "converged",
        StopReason.Budget => "budget",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    public static StopReason Parse(string name) => name switch
    {
        "max_epochs" => StopReason.MaxEpochs,
        "early_stop" => StopReason.EarlyStop,
        "converged" => StopReason.Converged,
        "budget" => StopReason.Budget,
        _ => throw new ArgumentException($"unknown stopping reason '{name}'"),
    };
}
