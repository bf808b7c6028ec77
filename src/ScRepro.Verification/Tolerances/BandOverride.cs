namespace ScRepro.Verification.Tolerances;

/// <summary>A per-metric change to a profile's band: each field given replaces the profile's, the rest stay.</summary>
public sealed record BandOverride(double? Atol, double? Rtol, double? SdK)
{
    public ToleranceBand ApplyTo(ToleranceBand band) =>
        new(Atol ?? band.Atol, Rtol ?? band.Rtol, SdK ?? band.SdK);
}
