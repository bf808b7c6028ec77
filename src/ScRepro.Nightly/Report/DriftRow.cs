using ScRepro.Verification.Comparison;

namespace ScRepro.Nightly.Report;

/// <summary>One number of drift.json (and one row of DRIFT.md): where it is, golden, now, Δ, the bands and the verdict.</summary>
public sealed record DriftRow(
    string Experiment,
    string Model,
    long? Seed,
    string Metric,
    string? Statistic,
    double? Golden,
    double? Now,
    double? Delta,
    double? DeltaPercent,
    double? ReproducedWithin,
    double? BrokenWithin,
    string? Band,
    string Status,
    string Measured,
    string Reason,
    IReadOnlyList<string> Notes)
{
    public static DriftRow From(string experiment, string model, NumberVerdict v) => new(
        experiment, model, v.Key.Seed, v.Key.Metric, v.Key.Statistic, v.Reference, v.Observed, v.Delta,
        v.RelativeDelta * 100, v.ReproducedWithin, v.BrokenWithin, v.Band, Verdicts.Name(v.Status), Verdicts.Name(v.Measured), v.Reason, v.Notes);
}
