namespace ScRepro.Verification.Tolerances;

/// <summary>
/// One band: a number is inside when <c>|x - ref| &lt;= max(atol + rtol*|ref|, sd_k * sd)</c>. The first term is
/// numpy's <c>isclose</c> (the tolerance is relative to the reference, not symmetric); the second, used only where
/// the reference has enough seeds (<see cref="SeedSpread.MinimumSeeds"/>), lets seed-to-seed spread widen the band,
/// never narrow it.
/// </summary>
public sealed record ToleranceBand(double Atol, double Rtol, double? SdK = null)
{
    /// <summary>The largest |x - ref| this band admits around <paramref name="reference"/>.</summary>
    public double Threshold(double reference, SeedSpread? spread = null)
    {
        var closeness = Atol + Rtol * Math.Abs(reference);
        return SdK is { } k && spread is { IsUsable: true } s ? Math.Max(closeness, k * s.Sd) : closeness;
    }

    /// <summary>Whether the seed spread decides the threshold (for the report's "seed-aware" note).</summary>
    public bool SeedsWiden(double reference, SeedSpread? spread) =>
        SdK is { } k && spread is { IsUsable: true } s && k * s.Sd > Atol + Rtol * Math.Abs(reference);

    /// <summary>"atol 0.005, rtol 0.02, 2 sd": how the band is written in reports.</summary>
    public string Describe()
    {
        var parts = new List<string> { $"atol {Fmt(Atol)}" };
        if (Rtol != 0) parts.Add($"rtol {Fmt(Rtol)}");
        if (SdK is { } k) parts.Add($"{Fmt(k)} sd");
        return string.Join(", ", parts);
    }

    private static string Fmt(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
