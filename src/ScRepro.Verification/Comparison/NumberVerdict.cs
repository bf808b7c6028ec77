namespace ScRepro.Verification.Comparison;

/// <summary>
/// The verdict on one number: reference and observed values, Δ = observed − reference, Δ relative to |reference|,
/// the |Δ| each band admitted here, the bands as text, the status and a one-line reason. <see cref="Measured"/> is
/// the status before comparability was considered (what the number did); <see cref="Status"/> is the verdict.
/// </summary>
public sealed record NumberVerdict(
    NumberKey Key,
    VerdictStatus Status,
    VerdictStatus Measured,
    double? Reference,
    double? Observed,
    double? Delta,
    double? RelativeDelta,
    double? ReproducedWithin,
    double? BrokenWithin,
    string? Band,
    string Reason,
    IReadOnlyList<string> Notes);
