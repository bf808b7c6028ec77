using ScRepro.Foundation.IO;
using ScRepro.Verification.Comparison;

namespace ScRepro.Nightly.Report;

/// <summary>
/// drift.json (schema screpro.drift/1): the whole nightly comparison, from which DRIFT.md, the job summary and the
/// history are written, so they cannot disagree. Rows are sorted worst first (break → missing → drift → new → not
/// comparable → pass → informational), then by experiment, model, metric, statistic and seed.
/// </summary>
public sealed record DriftReport(
    string Schema,
    string Date,
    string Commit,
    bool Dirty,
    IReadOnlyList<string> DirtyPaths,
    string Utc,
    string Verdict,
    string TolerancesSha256,
    string NightlyManifestSha256,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<ExperimentSummary> Experiments,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyList<DriftRow> Rows)
{
    public const string SchemaId = "screpro.drift/1";

    public static DriftReport Build(string date, string commit, bool dirty, IReadOnlyList<string> dirtyPaths, string utc,
        string tolerancesSha256, string nightlySha256, IReadOnlyList<ExperimentDrift> experiments)
    {
        var rows = experiments.SelectMany(e => e.Models.SelectMany(m => m.Verdict.Numbers.Select(n => (Status: n.Status, Row: DriftRow.From(e.Experiment, m.Model, n)))))
            .OrderBy(x => x.Status).ThenBy(x => x.Row.Experiment, StringComparer.Ordinal).ThenBy(x => x.Row.Model, StringComparer.Ordinal)
            .ThenBy(x => x.Row.Metric, StringComparer.Ordinal).ThenBy(x => StatisticOrder(x.Row.Statistic)).ThenBy(x => x.Row.Seed)
            .Select(x => x.Row).ToList();
        var counts = Enum.GetValues<VerdictStatus>().ToDictionary(Verdicts.Name, s => rows.Count(r => r.Status == Verdicts.Name(s)));
        var verdict = Verdicts.Worst(experiments.Where(e => e.Skipped is null).Select(e => e.Verdict));
        return new DriftReport(SchemaId, date, commit, dirty, dirtyPaths, utc, Verdicts.Name(verdict), tolerancesSha256, nightlySha256, counts,
            experiments.Select(e => new ExperimentSummary(e.Experiment, e.Profile, e.Skipped is null ? Verdicts.Name(e.Verdict) : "SKIPPED", e.HeadlineMetrics, e.Failure, e.Skipped)).ToList(),
            experiments.SelectMany(e => e.Models.Select(m => new ModelSummary(e.Experiment, m.Model, Verdicts.Name(m.Verdict.Verdict), Verdicts.Name(m.Verdict.Worst),
                m.Verdict.Counts.ToDictionary(kv => Verdicts.Name(kv.Key), kv => kv.Value), m.Verdict.Reasons, m.Golden, m.Current))).ToList(),
            rows);
    }

    /// <summary>mean, median, max, then anything else (wall_clock_s has no statistic).</summary>
    public static int StatisticOrder(string? statistic) => statistic switch { "mean" => 0, "median" => 1, "max" => 2, _ => 3 };

    public void Write(string path) => Json.WriteFile(path, this);

    public static DriftReport Read(string path) => Json.Deserialize<DriftReport>(File.ReadAllText(path));
}
