namespace ScRepro.Contracts;

/// <summary>The stopping reasons of the seed card's TrainStats schema.</summary>
public static class TrainReasons
{
    public const string MaxEpochs = "max_epochs";
    public const string EarlyStop = "early_stop";
    public const string Converged = "converged";
    public const string Budget = "budget";

    public static readonly IReadOnlyList<string> All = [MaxEpochs, EarlyStop, Converged, Budget];
}
