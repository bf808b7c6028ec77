using ScRepro.Core.Manifests;

namespace ScRepro.Verification.Tolerances;

/// <summary>
/// Strict reader of tolerances.yaml:
/// <code>
/// profiles:
///   retrain:
///     description: "…"                                # optional
///     reproduced: {atol: 5.0e-3, rtol: 0.02, sd_k: 2}  # atol required; rtol default 0; sd_k optional
///     broken:     {atol: 2.0e-2, rtol: 0.10, sd_k: 4}
/// metrics:
///   de_nsig_counts_real:
///     reproduced: {rtol: 0.01}                         # every profile: the fields given replace the profile's
///     profiles: {retrain: {broken: {rtol: 0.2}}}       # one profile, applied after
///   accuracy: {fraction: true}                         # a fraction over n items: the 1/n resolution guard applies
/// informational: [wall_clock_s]                         # shown, never gates
/// </code>
/// Every band must be non-negative, and a broken band at least as wide as its reproduced band, field by field.
/// </summary>
internal static class ToleranceModelReader
{
    public static ToleranceModel Read(string file) => ManifestLoader.Load(file, (m, origin) =>
    {
        var profiles = m.NamedMappings("profiles", (name, p) =>
        {
            var reproduced = Band(p, "reproduced");
            var broken = Band(p, "broken");
            CheckOrder(p, reproduced, broken);
            return new ToleranceProfile(name, p.OptionalString("description"), reproduced, broken);
        }).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var required in ToleranceModel.RequiredProfiles)
        {
            if (!profiles.ContainsKey(required))
                throw m.Error("profiles", $"profile '{required}' is missing (every tolerances file defines {string.Join(", ", ToleranceModel.RequiredProfiles)})");
        }
        var metrics = m.NamedMappings("metrics", (name, t) =>
        {
            var all = Pair(t);
            var perProfile = t.NamedMappings("profiles", (profile, o) =>
            {
                if (!profiles.ContainsKey(profile)) throw t.Error($"profiles.{profile}", $"no profile '{profile}' to override");
                return (profile, Pair(o));
            }).ToDictionary(x => x.profile, x => x.Item2, StringComparer.Ordinal);
            var fraction = t.OptionalBool("fraction") ?? false;
            // The overrides must leave every profile's bands in order, or a number could pass and break at once.
            foreach (var p in profiles.Values)
            {
                var reproduced = all.Reproduced?.ApplyTo(p.Reproduced) ?? p.Reproduced;
                var broken = all.Broken?.ApplyTo(p.Broken) ?? p.Broken;
                if (perProfile.TryGetValue(p.Name, out var o))
                {
                    reproduced = o.Reproduced?.ApplyTo(reproduced) ?? reproduced;
                    broken = o.Broken?.ApplyTo(broken) ?? broken;
                }
                CheckOrder(t, reproduced, broken, $" (profile {p.Name} after this override)");
            }
            return new MetricTolerance(name, all, perProfile, fraction);
        }).ToDictionary(x => x.Metric, StringComparer.Ordinal);
        var informational = m.StringList("informational");
        var duplicate = informational.GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw m.Error("informational", $"'{duplicate.Key}' is listed twice");
        return new ToleranceModel(profiles, metrics, informational.ToHashSet(StringComparer.Ordinal), origin);
    });

    private static ToleranceBand Band(YamlMapping p, string key)
    {
        var b = p.RequiredMapping(key);
        var band = new ToleranceBand(
            NonNegative(b, "atol") ?? throw b.Error("atol", "required field is missing"),
            NonNegative(b, "rtol") ?? 0,
            NonNegative(b, "sd_k"));
        b.Finish();
        return band;
    }

    private static BandPair Pair(YamlMapping t) => new(Override(t, "reproduced"), Override(t, "broken"));

    private static BandOverride? Override(YamlMapping t, string key)
    {
        var b = t.OptionalMapping(key);
        if (b is null) return null;
        var o = new BandOverride(NonNegative(b, "atol"), NonNegative(b, "rtol"), NonNegative(b, "sd_k"));
        b.Finish();
        if (o is { Atol: null, Rtol: null, SdK: null }) throw t.Error(key, "an override sets at least one of atol, rtol, sd_k");
        return o;
    }

    private static double? NonNegative(YamlMapping b, string key)
    {
        var v = b.OptionalDouble(key);
        if (v is { } x && !(x >= 0 && double.IsFinite(x))) throw b.Error(key, $"{x} must be a finite number >= 0");
        return v;
    }

    private static void CheckOrder(YamlMapping at, ToleranceBand reproduced, ToleranceBand broken, string where = "")
    {
        if (broken.Atol < reproduced.Atol || broken.Rtol < reproduced.Rtol || (broken.SdK ?? 0) < (reproduced.SdK ?? 0))
            throw at.Error("broken", $"the broken band ({broken.Describe()}) is narrower than the reproduced band ({reproduced.Describe()}) in some field{where}");
    }
}
