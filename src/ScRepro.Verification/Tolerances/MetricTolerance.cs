namespace ScRepro.Verification.Tolerances;

/// <summary>
/// tolerances.yaml <c>metrics.&lt;name&gt;</c>: overrides for every profile (<see cref="All"/>), overrides for one
/// profile (<see cref="PerProfile"/>, applied after), and whether the metric is a fraction over n items
/// (accuracy over n test cells), which brings in the 1/n resolution guard.
/// </summary>
public sealed record MetricTolerance(string Metric, BandPair All, IReadOnlyDictionary<string, BandPair> PerProfile, bool Fraction);
