using ScRepro.Foundation.Errors;
using System.Text.RegularExpressions;
using ScRepro.Core.Manifests;

namespace ScRepro.Nightly;

/// <summary>
/// Strict reader of nightly.yaml:
/// <code>
/// experiments:
///   - {id: demo, profile: retrain}
///   - {id: boiarsky_pbmc_lr, profile: retrain, when: data_present}   # when: always (default) | data_present
/// golden: reports/golden
/// tolerances: manifests/tolerances.yaml
/// output: reports/nightly          # reports/nightly/&lt;date&gt;/ and the tracked history.csv
/// history: {keep: 60}
/// fail_on: break                   # break | drift
/// </code>
/// </summary>
internal static partial class NightlyManifestReader
{
    private static readonly string[] Whens = ["always", "data_present"];

    public static NightlyManifest Read(string file) => ManifestLoader.Load(file, (m, origin) =>
    {
        var experiments = m.MappingList("experiments", e =>
        {
            var id = e.RequiredString("id");
            if (!IdPattern().IsMatch(id)) throw e.Error("id", $"'{id}' must match [a-z0-9][a-z0-9_-]*");
            var when = e.OptionalString("when") ?? "always";
            if (!Whens.Contains(when)) throw e.Error("when", $"'{when}' is not one of: {string.Join(", ", Whens)}");
            return new NightlyExperiment(id, e.RequiredString("profile"), when == "data_present");
        });
        if (experiments.Count == 0) throw m.Error("experiments", "list at least one experiment");
        var duplicate = experiments.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw m.Error("experiments", $"'{duplicate.Key}' is listed twice");
        var history = m.OptionalMapping("history");
        var keep = history?.OptionalInt("keep") ?? 60;
        history?.Finish();
        if (keep is < 2 or > 10_000) throw m.Error("history", $"keep must be between 2 and 10000, got {keep}");
        var failOn = m.OptionalString("fail_on") ?? "break";
        return new NightlyManifest(experiments,
            InsideRoot(m, "golden", "reports/golden"),
            InsideRoot(m, "tolerances", "manifests/tolerances.yaml"),
            InsideRoot(m, "output", "reports/nightly"),
            (int)keep,
            failOn switch
            {
                "break" => FailOn.Break,
                "drift" => FailOn.Drift,
                _ => throw m.Error("fail_on", $"'{failOn}' is not one of: break, drift"),
            },
            origin);
    });

    /// <summary>A project-relative path that may not leave the project (no absolute paths, no "..").</summary>
    private static string InsideRoot(YamlMapping m, string key, string fallback)
    {
        var value = m.OptionalString(key) ?? fallback;
        try
        {
            SafePath.Resolve("/project-root", value, key);
        }
        catch (ScReproException e)
        {
            throw m.Error(key, e.Message);
        }
        return value;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
