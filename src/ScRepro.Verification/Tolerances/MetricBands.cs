namespace ScRepro.Verification.Tolerances;

/// <summary>
/// The bands that judge one metric under one profile, overrides applied: what <see cref="Comparison.NumberComparer"/>
/// needs. <see cref="Informational"/> metrics are shown with their Δ and never gate a verdict.
/// </summary>
public sealed record MetricBands(string Profile, string Metric, ToleranceBand Reproduced, ToleranceBand Broken, bool Informational, bool Fraction);
