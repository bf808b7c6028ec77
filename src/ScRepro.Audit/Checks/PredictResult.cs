using ScRepro.Audit.Model;

namespace ScRepro.Audit.Checks;

/// <summary>What level D returns: the check, its metric rows, and the seed spread where the prediction draws from a seed.</summary>
public sealed record PredictResult(AuditCheck Check, IReadOnlyList<MetricComparison> Rows, PairingSpread? Spread = null);
