namespace ScRepro.Verification.Tolerances;

/// <summary>
/// The spread of a reference value over its seeds: sample standard deviation (ddof = 1, as pandas' and R's sd).
/// Seed-aware bands use it only from <see cref="MinimumSeeds"/> seeds on; two seeds say almost nothing about spread.
/// </summary>
public sealed record SeedSpread(int Seeds, double Sd)
{
    /// <summary>§2.6: seed-aware bands need at least three seeds.</summary>
    public const int MinimumSeeds = 3;

    public bool IsUsable => Seeds >= MinimumSeeds && double.IsFinite(Sd);

    /// <summary>The spread of the finite values among <paramref name="values"/> (NaN and null seeds are left out).</summary>
    public static SeedSpread Of(IEnumerable<double?> values)
    {
        var finite = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToArray();
        if (finite.Length < 2) return new SeedSpread(finite.Length, double.NaN);
        var mean = finite.Average();
        var ss = finite.Sum(v => (v - mean) * (v - mean));
        return new SeedSpread(finite.Length, Math.Sqrt(ss / (finite.Length - 1)));
    }
}
