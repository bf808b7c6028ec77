using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;

namespace ScRepro.Verification.Tolerances;

/// <summary>
/// manifests/tolerances.yaml: the profiles, per-metric overrides and informational metrics that decide when a
/// number is reproduced, drifted or broken. <see cref="Origin"/> carries its canonical hash for reports and stamps.
/// </summary>
public sealed record ToleranceModel(
    IReadOnlyDictionary<string, ToleranceProfile> Profiles,
    IReadOnlyDictionary<string, MetricTolerance> Metrics,
    IReadOnlySet<string> Informational,
    ManifestOrigin Origin)
{
    /// <summary>The four profiles every tolerances file must define (Audit and Nightly name them).</summary>
    public static readonly IReadOnlyList<string> RequiredProfiles = ["reevaluate", "cross_implementation", "repredict", "retrain"];

    /// <summary>Reads <paramref name="file"/> strictly (see <see cref="ToleranceModelReader"/>).</summary>
    public static ToleranceModel Load(string file) => ToleranceModelReader.Read(file);

    /// <summary>canonical sha256 of the file's values (comments and layout do not change it).</summary>
    public string Sha256 => Origin.Sha256;

    public ToleranceProfile Profile(string name) =>
        Profiles.TryGetValue(name, out var p) ? p
        : throw new ScReproException($"{Origin.File}: no tolerance profile '{name}' (known: {string.Join(", ", Profiles.Keys.Order(StringComparer.Ordinal))})");

    /// <summary>The bands for <paramref name="metric"/> under <paramref name="profile"/>: the profile's, then the
    /// metric's all-profile override, then its override for this profile.</summary>
    public MetricBands Bands(string profile, string metric)
    {
        var p = Profile(profile);
        var reproduced = p.Reproduced;
        var broken = p.Broken;
        var fraction = false;
        if (Metrics.TryGetValue(metric, out var m))
        {
            fraction = m.Fraction;
            reproduced = m.All.Reproduced?.ApplyTo(reproduced) ?? reproduced;
            broken = m.All.Broken?.ApplyTo(broken) ?? broken;
            if (m.PerProfile.TryGetValue(profile, out var o))
            {
                reproduced = o.Reproduced?.ApplyTo(reproduced) ?? reproduced;
                broken = o.Broken?.ApplyTo(broken) ?? broken;
            }
        }
        return new MetricBands(profile, metric, reproduced, broken, Informational.Contains(metric), fraction);
    }
}
