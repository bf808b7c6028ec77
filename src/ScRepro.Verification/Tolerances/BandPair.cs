namespace ScRepro.Verification.Tolerances;

/// <summary>Overrides of the reproduced and broken bands (either may be absent).</summary>
public sealed record BandPair(BandOverride? Reproduced, BandOverride? Broken);
