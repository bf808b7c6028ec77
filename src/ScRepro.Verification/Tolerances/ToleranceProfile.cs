namespace ScRepro.Verification.Tolerances;

/// <summary>
/// A named pair of bands for one kind of comparison (reevaluate, cross_implementation, repredict, retrain):
/// inside <see cref="Reproduced"/> passes, outside <see cref="Broken"/> breaks, between the two drifts.
/// </summary>
public sealed record ToleranceProfile(string Name, string? Description, ToleranceBand Reproduced, ToleranceBand Broken);
