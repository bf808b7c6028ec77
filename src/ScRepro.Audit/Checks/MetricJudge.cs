using System.Globalization;
using ScRepro.Audit.Model;
using ScRepro.Contracts;
using ScRepro.Pipeline.Evaluation;
using ScRepro.Cards;
using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Audit.Checks;

/// <summary>
/// Compares recomputed metrics with what was claimed — summary.json (every statistic, with its count and null count)
/// and the card (model-index values and the metrics table) — through the shared tolerance model. A card prints
/// rounded numbers, so its bands are widened by half a unit of the last printed digit (0.5067 stands for
/// [0.50665, 0.50675]); a metric name ScRepro does not compute is UNVERIFIABLE for that row, never a pass.
/// </summary>
public static class MetricJudge
{
    /// <summary>Rows for every claim, then the check built from them.</summary>
    public static (AuditCheck Check, IReadOnlyList<MetricComparison> Rows) Judge(
        string id, AuditLevel level, string title, AuditInputs inputs, IReadOnlyList<MetricStats> computed, ToleranceModel tolerances,
        string profile, string what)
    {
        var byName = computed.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var rows = new List<MetricComparison>();
        if (SummaryMetrics.Read(inputs) is { } summary)
        {
            foreach (var (name, claimed) in summary.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                foreach (var (stat, value, observed) in Stats(claimed, byName.GetValueOrDefault(name)))
                    rows.Add(Row(name, stat, value, "summary.json", claimed, byName.GetValueOrDefault(name), observed, tolerances, profile, 0, inputs));
            }
        }
        if (inputs.Card is { } card)
        {
            foreach (var m in card.Metrics)
            {
                var stat = m.Statistic == "model-index" ? "mean" : m.Statistic;
                var ours = byName.GetValueOrDefault(m.Name);
                double? observed = ours is null ? null : stat switch { "mean" => ours.Mean, "median" => ours.Median, _ => ours.Max };
                var resolution = m.Statistic == "model-index" ? 0 : ProvenanceChecks.PrintedResolution(m.Text);
                rows.Add(Row(m.Name, stat, m.Value, m.Source, null, ours, observed, tolerances, profile, resolution, inputs, m.Text));
            }
        }
        var fails = rows.Where(r => r.Status == CheckStatus.Fail).ToList();
        var warns = rows.Where(r => r.Status == CheckStatus.Warn).ToList();
        var passed = rows.Count(r => r.Status == CheckStatus.Pass);
        var unknown = rows.Where(r => r.Status == CheckStatus.Unverifiable).Select(r => r.Metric).Distinct().ToList();
        var tail = unknown.Count == 0 ? "" : $"; not computed by ScRepro (unverifiable): {string.Join(", ", unknown)}";
        AuditCheck check;
        if (fails.Count > 0) check = new AuditCheck(id, level, title, CheckStatus.Fail, $"{what}: " + Describe(fails) + tail);
        else if (warns.Count > 0) check = new AuditCheck(id, level, title, CheckStatus.Warn, $"{what}: " + Describe(warns) + tail);
        else if (passed == 0) check = new AuditCheck(id, level, title, CheckStatus.Unverifiable, $"{what}: no claimed metric to compare with{tail}");
        else check = new AuditCheck(id, level, title, CheckStatus.Pass, $"{what}: {passed} claimed values inside the {profile} band{tail}");
        return (check, rows);
    }

    private static string Describe(IReadOnlyList<MetricComparison> rows) =>
        string.Join("; ", rows.Take(5).Select(r => $"{r.Source}: {r.Metric} claimed {r.Claimed}, audit {Show(r.AuditValue)} ({r.Note})"))
        + (rows.Count > 5 ? $"; and {rows.Count - 5} more" : "");

    private static IEnumerable<(string Stat, double? Claimed, double? Observed)> Stats(MetricStats claimed, MetricStats? ours)
    {
        yield return ("mean", claimed.Mean, ours?.Mean);
        yield return ("median", claimed.Median, ours?.Median);
        yield return ("max", claimed.Max, ours?.Max);
    }

    private static MetricComparison Row(string metric, string stat, double? claimed, string source, MetricStats? claimedStats, MetricStats? ours,
        double? observed, ToleranceModel tolerances, string profile, double resolution, AuditInputs inputs, string? text = null)
    {
        var label = $"{metric} {stat}";
        var claimedText = text ?? Show(claimed);
        if (ours is null)
            return new MetricComparison(label, claimedText, source, claimed, null, null, null, 0, 0, profile, CheckStatus.Unverifiable,
                "ScRepro's evaluator does not compute this metric (a name that only looks the same is not the same metric)");
        var bands = tolerances.Bands(profile, metric);
        if (resolution > 0)
            bands = bands with { Reproduced = bands.Reproduced with { Atol = bands.Reproduced.Atol + resolution }, Broken = bands.Broken with { Atol = bands.Broken.Atol + resolution } };
        var better = BetterOf.Direction(ours.Direction);
        var items = bands.Fraction ? ours.Count : (long?)null;
        var reference = new MetricSample(claimed, claimedStats?.NullCount, claimedStats?.Count, items);
        var now = new MetricSample(observed, claimedStats is null ? null : ours.NullCount, claimedStats is null ? null : ours.Count, items);
        var verdict = NumberComparer.Compare(new NumberKey(metric, stat), reference, now, bands, better);
        var status = verdict.Status switch
        {
            VerdictStatus.Pass or VerdictStatus.Informational => CheckStatus.Pass,
            VerdictStatus.Break or VerdictStatus.Missing => CheckStatus.Fail,
            _ => CheckStatus.Warn,
        };
        var note = verdict.Reason + (resolution > 0 ? $" (card prints {claimedText}: band widened by {resolution.ToString("G3", CultureInfo.InvariantCulture)})" : "")
                   + (verdict.Notes.Count > 0 ? "; " + string.Join("; ", verdict.Notes) : "");
        return new MetricComparison(label, claimedText, source, claimed, observed, verdict.Delta,
            verdict.RelativeDelta is { } rel ? rel * 100 : null,
            verdict.ReproducedWithin ?? bands.Reproduced.Threshold(claimed ?? 0), verdict.BrokenWithin ?? bands.Broken.Threshold(claimed ?? 0),
            profile, status, note);
    }

    private static string Show(double? v) => v switch
    {
        null => "null",
        { } x => x.ToString("R", CultureInfo.InvariantCulture),
    };
}
