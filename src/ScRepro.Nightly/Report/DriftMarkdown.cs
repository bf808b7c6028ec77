using System.Globalization;
using System.Text;

namespace ScRepro.Nightly.Report;

/// <summary>
/// DRIFT.md from a <see cref="DriftReport"/>: the verdict line, one row per model, the numbers that did not pass
/// (sorted as in drift.json: break → missing → drift → new → not comparable), the passing numbers folded per
/// experiment, the environment each model was compared across, and the trend figures. Golden and new values are
/// printed round-trip, so the table and drift.json hold the same numbers.
/// </summary>
public static class DriftMarkdown
{
    /// <summary>GitHub refuses a job summary over 1024 KiB; stay well below it.</summary>
    public const int StepSummaryLimitBytes = 1000 * 1024;

    public const string NumbersHeader = "| experiment | model | seed | metric | golden | now | Δ | Δ% | band (reproduced / broken) | status | reason |";

    public static string Render(DriftReport report, IReadOnlyList<string>? figures = null)
    {
        var md = new StringBuilder();
        var c = report.Counts;
        md.Append(CultureInfo.InvariantCulture, $"# Nightly {report.Date}: {report.Verdict}\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"{report.Verdict} · {c["pass"]} pass · {c["drift"]} drift · {c["break"]} break · {c["missing"]} missing · {c["new"]} new · {c["not_comparable"]} not comparable · {c["informational"]} informational\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Commit `{Short(report.Commit)}`{(report.Dirty ? $" (dirty: {string.Join(", ", report.DirtyPaths.Take(5))})" : " (clean)")} · made {report.Utc} · tolerances sha256 `{Short(report.TolerancesSha256, 12)}` · nightly.yaml sha256 `{Short(report.NightlyManifestSha256, 12)}`\n\n");

        md.Append("## Models\n\n| experiment | profile | model | verdict | numbers | reasons |\n|---|---|---|---|---|---|\n");
        foreach (var e in report.Experiments)
        {
            var models = report.Models.Where(m => m.Experiment == e.Experiment).ToList();
            if (e.Skipped is not null) md.Append(CultureInfo.InvariantCulture, $"| {e.Experiment} | {e.Profile} | — | SKIPPED | — | {Cell(e.Skipped)} |\n");
            else if (models.Count == 0) md.Append(CultureInfo.InvariantCulture, $"| {e.Experiment} | {e.Profile} | — | {e.Verdict} | — | {Cell(e.Failure ?? "no models")} |\n");
            foreach (var m in models)
            {
                var counts = string.Join(" · ", m.Counts.Select(kv => $"{kv.Value} {kv.Key.Replace('_', ' ')}"));
                md.Append(CultureInfo.InvariantCulture, $"| {e.Experiment} | {e.Profile} | {m.Model} | {m.Verdict} | {counts} | {Cell(string.Join("; ", m.Reasons))} |\n");
            }
        }

        var notPassed = report.Rows.Where(r => r.Status is not ("pass" or "informational")).ToList();
        md.Append("\n## Numbers that did not pass\n\n");
        if (notPassed.Count == 0) md.Append("None: every gating number is inside its reproduced band.\n");
        else
        {
            md.Append(NumbersHeader).Append('\n').Append(Separator()).Append('\n');
            foreach (var r in notPassed) md.Append(Row(r)).Append('\n');
        }

        foreach (var group in report.Rows.Where(r => r.Status is "pass" or "informational").GroupBy(r => r.Experiment))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n<details><summary>{group.Key}: {group.Count(r => r.Status == "pass")} numbers pass, {group.Count(r => r.Status == "informational")} informational</summary>\n\n");
            md.Append(NumbersHeader).Append('\n').Append(Separator()).Append('\n');
            foreach (var r in group) md.Append(Row(r)).Append('\n');
            md.Append("\n</details>\n");
        }

        md.Append("\n## Environment (golden → now)\n\n");
        var envRows = report.Models.Where(m => m.Golden is not null && m.Current is not null)
            .SelectMany(m => EnvironmentDiff(m).Select(d => $"| {m.Experiment} | {m.Model} | {d.Key} | {Cell(d.Golden)} | {Cell(d.Now)} |")).ToList();
        if (envRows.Count == 0) md.Append("Every compared model ran in the environment its golden file was blessed in.\n");
        else
        {
            md.Append("| experiment | model | what | golden | now |\n|---|---|---|---|---|\n");
            foreach (var row in envRows) md.Append(row).Append('\n');
        }
        foreach (var m in report.Models.Where(m => m.Golden is not null))
            md.Append(CultureInfo.InvariantCulture, $"\n- {m.Experiment}/{m.Model}: golden blessed from `{Short(m.Golden!.Commit)}`{(m.Golden.Dirty ? " (dirty)" : "")} at {m.Golden.Utc}");
        md.Append('\n');

        if (figures is { Count: > 0 })
        {
            md.Append("\n## Trends\n\n");
            foreach (var f in figures) md.Append(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(f)}]({f})\n\n");
        }
        return md.ToString();
    }

    /// <summary>The job summary: DRIFT.md, cut below GitHub's limit with a line saying so.</summary>
    public static string StepSummary(string markdown)
    {
        var bytes = Encoding.UTF8.GetByteCount(markdown);
        if (bytes <= StepSummaryLimitBytes) return markdown;
        var cut = markdown[..Math.Min(markdown.Length, StepSummaryLimitBytes / 4)];
        return cut[..cut.LastIndexOf('\n')] + "\n\n**Truncated: the job summary is limited to 1024 KiB; see DRIFT.md in the nightly artifact.**\n";
    }

    public static string Row(DriftRow r) => string.Join(" | ",
        "| " + r.Experiment, r.Model, r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "", r.Metric + (r.Statistic is null ? "" : "." + r.Statistic),
        Value(r.Golden), Value(r.Now), Small(r.Delta), Small(r.DeltaPercent), Cell(r.Band ?? ""), r.Status,
        Cell(r.Status == "pass" ? string.Join("; ", r.Notes) : string.Join("; ", new[] { r.Reason }.Concat(r.Notes)))) + " |";

    private static string Separator() => "|" + string.Concat(Enumerable.Repeat("---|", NumbersHeader.Count(ch => ch == '|') - 1));

    /// <summary>Round-trip: the same double as drift.json.</summary>
    public static string Value(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "—";

    private static string Small(double? v) => v is { } x ? x.ToString("G3", CultureInfo.InvariantCulture) : "—";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Short(string hash, int n = 7) => hash.Length > n ? hash[..n] : hash;

    private static IEnumerable<(string Key, string Golden, string Now)> EnvironmentDiff(ModelSummary m)
    {
        var g = m.Golden!.Environment;
        var c = m.Current!.Environment;
        foreach (var (key, a, b) in new[]
                 {
                     ("screpro", g.Screpro, c.Screpro), (".NET", g.Dotnet, c.Dotnet), ("libtorch", g.Libtorch ?? "—", c.Libtorch ?? "—"),
                     ("OS", g.Os, c.Os), ("CPU", g.Cpu, c.Cpu),
                     ("threads", g.Threads.ToString(CultureInfo.InvariantCulture), c.Threads.ToString(CultureInfo.InvariantCulture)),
                 })
        {
            if (a != b) yield return (key, a, b);
        }
    }
}
