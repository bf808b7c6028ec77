namespace ScRepro.Nightly.Golden;

/// <summary>
/// How one seed's training stopped (training_stats.json): the reason, which budget limit a "budget" stop hit,
/// epochs trained out of the maximum, and the wall clock (informational: never gates).
/// </summary>
public sealed record TrainingRecord(string Reason, string? BudgetLimit, long? EpochsTrained, long? MaxEpochs, double WallClockS)
{
    /// <summary>True when a wall-clock cap, not the recipe, ended training: the numbers depend on the machine's speed.</summary>
    public bool CutByWallClock => Reason == "budget" && BudgetLimit == "max_wall_clock_s";

    /// <summary>"stopped by the wall-clock cap after 4/5 epochs".</summary>
    public string Describe() =>
        $"stopped by the wall-clock cap after {EpochsTrained?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"
        + (MaxEpochs is { } max ? $"/{max}" : "") + " epochs";
}
