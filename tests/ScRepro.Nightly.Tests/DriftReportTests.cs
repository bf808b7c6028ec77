using System.Globalization;
using ScRepro.Nightly.Golden;
using ScRepro.Nightly.Report;
using ScRepro.Testing;
using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Nightly.Tests;

/// <summary>DRIFT.md is rendered from drift.json's rows: sorted break → drift → pass, and every number agrees.</summary>
public sealed class DriftReportTests
{
    private static readonly ToleranceModel Tolerances = ToleranceModel.Load(Path.Combine(TestPaths.RepoRoot, "manifests", "tolerances.yaml"));

    private static DriftReport Report()
    {
        ModelDrift M(string model, ModelResult? golden, ModelResult? now) =>
            DriftComparer.Compare(model, golden, now, Tolerances, "retrain", NightlyRunner.Direction);
        var models = new List<ModelDrift>
        {
            M("additive", Results.Make("additive"), Results.Make("additive")),
            M("train_mean", Results.Make("train_mean"), Results.Make("train_mean", mse: 0.40)),
            M("linear", Results.Make("linear"), Results.Make("linear", mse: 0.265)),
        };
        var e = new ExperimentDrift("demo", "retrain", Verdicts.Worst(models.Select(m => m.Verdict.Verdict)), models, ["mse", "pearson_delta"], null, null);
        var skipped = new ExperimentDrift("boiarsky_pbmc_lr", "retrain", Verdict.Reproduced, [], ["accuracy"], null, "data/zheng68k is not downloaded");
        return DriftReport.Build("2026-12-02", "0123456789abcdef0123456789abcdef01234567", false, [], "2026-12-02T03:23:00Z", "t", "n", [e, skipped]);
    }

    [Fact]
    public void Should_sort_rows_worst_first_and_take_the_worst_verdict_ignoring_skipped_experiments()
    {
        var report = Report();
        Assert.Equal("BROKEN", report.Verdict);
        var order = report.Rows.Select(r => r.Status).Distinct().ToList();
        Assert.Equal(["break", "drift", "pass", "informational"], order);
        Assert.Equal("train_mean", report.Rows[0].Model);
        Assert.Equal("SKIPPED", report.Experiments.Single(e => e.Experiment == "boiarsky_pbmc_lr").Verdict);
        Assert.Equal(report.Rows.Count, report.Counts.Values.Sum());
    }

    [Fact]
    public void Should_write_a_drift_md_whose_table_agrees_with_drift_json()
    {
        using var dir = TestPaths.NewTempDir();
        var report = Report();
        report.Write(dir.File("drift.json"));
        var json = DriftReport.Read(dir.File("drift.json"));
        var md = DriftMarkdown.Render(json);
        Assert.StartsWith("# Nightly 2026-12-02: BROKEN", md);
        var header = DriftMarkdown.NumbersHeader.Split('|').Select(c => c.Trim()).ToList();
        // Cells split on unescaped pipes: reasons such as "|Δ| 0.02 > 0.01" are written with \| inside a cell.
        static string[] Cells(string line) => System.Text.RegularExpressions.Regex.Split(line, @"(?<!\\)\|");
        var rows = md.Split('\n').Where(l => l.StartsWith("| demo |", StringComparison.Ordinal) && Cells(l).Length == header.Count).ToList();
        Assert.Equal(json.Rows.Count, rows.Count);
        foreach (var (line, row) in rows.Zip(json.Rows))
        {
            var cells = Cells(line).Select(c => c.Trim()).ToList();
            string Cell(string name) => cells[header.IndexOf(name)];
            Assert.Equal(row.Model, Cell("model"));
            Assert.Equal(row.Metric + (row.Statistic is null ? "" : "." + row.Statistic), Cell("metric"));
            Assert.Equal(row.Status, Cell("status"));
            Assert.Equal(row.Golden, Cell("golden") == "—" ? null : double.Parse(Cell("golden"), CultureInfo.InvariantCulture));
            Assert.Equal(row.Now, Cell("now") == "—" ? null : double.Parse(Cell("now"), CultureInfo.InvariantCulture));
        }
        // The roll-up names the broken model and why; the skipped experiment says why it was skipped.
        Assert.Contains("| demo | retrain | train_mean | BROKEN |", md);
        Assert.Contains("| boiarsky_pbmc_lr | retrain | — | SKIPPED | — | data/zheng68k is not downloaded |", md);
    }

    [Fact]
    public void Should_cut_the_job_summary_below_githubs_limit_and_say_so()
    {
        var big = string.Concat(Enumerable.Repeat("| demo | row |\n", 120_000));
        var summary = DriftMarkdown.StepSummary(big);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(summary) < 1024 * 1024);
        Assert.Contains("Truncated", summary);
        Assert.Equal("small\n", DriftMarkdown.StepSummary("small\n"));
    }
}
