namespace ScRepro.Nightly.Golden;

/// <summary>One metric of one seed, as summary.json has it: round-trip doubles (null: every value was null/NaN).</summary>
public sealed record MetricRecord(double? Mean, double? Median, double? Max, long Count, long NullCount);
