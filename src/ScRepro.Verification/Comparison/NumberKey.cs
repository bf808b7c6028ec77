namespace ScRepro.Verification.Comparison;

/// <summary>What a number is: a metric, optionally a statistic of it (mean, median, max) and a seed.</summary>
public sealed record NumberKey(string Metric, string? Statistic = null, long? Seed = null)
{
    public override string ToString() =>
        Metric + (Statistic is null ? "" : "." + Statistic) + (Seed is null ? "" : $" (seed {Seed})");
}
