namespace ScRepro.Audit.Model;

/// <summary>
/// One metric compared: the claimed value (card or summary.json), what the audit computed, the difference, the bands
/// (|Δ| allowed for PASS, and beyond which it is FAIL) and the status. Claimed and computed may be NaN; null means absent.
/// </summary>
public sealed record MetricComparison(
    string Metric,
    string Claimed,
    string Source,
    double? ClaimedValue,
    double? AuditValue,
    double? Delta,
    double? DeltaPercent,
    double ReproducedBand,
    double BrokenBand,
    string Profile,
    CheckStatus Status,
    string Note);
