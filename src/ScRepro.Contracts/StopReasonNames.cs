namespace ScRepro.Contracts;

/// <summary>The seed card's spelling of <see cref="StopReason"/> (as training_stats.json writes it).</summary>
public static class StopReasonNames
{
    public static string Name(this StopReason reason) => reason switch
    {
        StopReason.MaxEpochs => "max_epochs",
        StopReason.EarlyStop => "early_stop",
        StopReason.Converged => "converged",
        StopReason.Budget => "budget",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
