using ScRepro.Evaluation;
using System.Globalization;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Core.Manifests;
using ScRepro.Core.Provenance;
using ScRepro.Nightly.Golden;
using ScRepro.Nightly.History;
using ScRepro.Nightly.Report;
using ScRepro.Pipeline;
using ScRepro.Cards;
using ScRepro.Pipeline.Stages;
using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Nightly;

/// <summary>
/// `screpro nightly`: re-runs every experiment of nightly.yaml (Download and Hash as usual, since their hashes prove
/// them; Splits, Train, Evaluate and Card with --force, so a changed library or machine shows), compares each
/// model's raw numbers with its golden file, and writes reports/nightly/&lt;date&gt;/{DRIFT.md, drift.json, results/},
/// the history and the trend figures, and the job summary when GITHUB_STEP_SUMMARY is set.
/// A stage that fails makes its experiment BROKEN, naming the stage; the other experiments still run.
/// </summary>
public static class NightlyRunner
{
    private static readonly string[] ProvenStages = ["download", "hash"];
    private static readonly string[] ForcedStages = ["split", "train", "evaluate", "card"];

    public static NightlyOutcome Run(NightlyOptions options)
    {
        var root = Path.GetFullPath(options.Root);
        var manifest = NightlyManifest.Load(options.ManifestPath);
        var tolerances = ToleranceModel.Load(Path.Combine(root, manifest.Tolerances));
        foreach (var (e, i) in manifest.Experiments.Select((e, i) => (e, i)))
        {
            if (!tolerances.Profiles.ContainsKey(e.Profile))
                throw new ScReproException($"{manifest.Origin.File}: key 'experiments[{i}].profile': '{e.Profile}' is not a profile of {manifest.Tolerances} ({string.Join(", ", tolerances.Profiles.Keys.Order(StringComparer.Ordinal))})");
        }
        var unknown = (options.Only ?? []).Where(id => manifest.Experiments.All(e => e.Id != id)).ToList();
        if (unknown.Count > 0) throw new ScReproException($"--experiment {string.Join(", ", unknown)}: not in {manifest.Origin.File}");
        var date = options.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new ScReproException($"--date '{date}': expected yyyy-MM-dd");
        var started = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var git = GitInfo.Read(root);
        var outputDir = Path.Combine(root, manifest.Output);
        var folder = Path.Combine(outputDir, date);
        var goldenDir = Path.Combine(root, manifest.Golden);

        var experiments = new List<ExperimentDrift>();
        var tonight = new List<HistoryRow>();
        var results = new List<(string Experiment, ModelResult Result)>();
        foreach (var e in manifest.Experiments.Where(e => options.Only is null || options.Only.Contains(e.Id)))
        {
            Output.Info($"nightly: {e.Id} ({e.Profile})");
            var (drift, collected) = RunExperiment(root, e, tolerances, goldenDir, options, options.Rerun ? started : null);
            experiments.Add(drift);
            foreach (var r in collected) results.Add((e.Id, r));
            tonight.AddRange(NightlyHistory.Rows(date, git.ShortCommit, e.Id, drift.HeadlineMetrics, collected));
            Output.Info($"nightly: {e.Id}: {(drift.Skipped is null ? Verdicts.Name(drift.Verdict) : "SKIPPED (" + drift.Skipped + ")")}");
        }

        // Written last, so a nightly that stopped half way leaves no report that looks whole.
        if (Directory.Exists(Path.Combine(folder, "results"))) Directory.Delete(Path.Combine(folder, "results"), recursive: true);
        foreach (var (experiment, result) in results) result.Write(NightlyPaths.Result(folder, experiment, result.Model));
        var report = DriftReport.Build(date, git.Commit, git.Dirty, git.DirtyPaths, started, tolerances.Sha256, manifest.Origin.Sha256, experiments);
        var history = NightlyHistory.Append(Path.Combine(outputDir, NightlyPaths.HistoryFile), tonight, manifest.HistoryKeep);
        var figures = TrendFigures.Write(folder, history, experiments, goldenDir, tolerances);
        report.Write(Path.Combine(folder, NightlyPaths.ReportJson));
        var markdown = DriftMarkdown.Render(report, figures);
        AtomicFile.WriteAllText(Path.Combine(folder, NightlyPaths.ReportMarkdown), markdown);
        PublishToGitHub(report, markdown);

        var verdict = Enum.Parse<Verdict>(report.Verdict, ignoreCase: true);
        var failOn = options.FailOn ?? manifest.FailOn;
        var exit = verdict == Verdict.Broken ? NightlyOutcome.BrokenExit
            : verdict == Verdict.Drifted && failOn == FailOn.Drift ? NightlyOutcome.DriftedExit
            : 0;
        Output.Info($"nightly: {report.Verdict} ({report.Counts["pass"]} pass, {report.Counts["drift"]} drift, {report.Counts["break"]} break, "
                    + $"{report.Counts["missing"]} missing, {report.Counts["new"]} new, {report.Counts["not_comparable"]} not comparable) → {Path.GetRelativePath(root, Path.Combine(folder, NightlyPaths.ReportMarkdown))}");
        return new NightlyOutcome(report, folder, exit);
    }

    private static (ExperimentDrift, List<ModelResult>) RunExperiment(string root, NightlyExperiment e, ToleranceModel tolerances,
        string goldenDir, NightlyOptions options, string? notBefore)
    {
        ManifestCatalog catalog;
        try
        {
            catalog = ManifestCatalog.Load(Path.Combine(root, "manifests"), e.Id);
        }
        catch (ScReproException ex)
        {
            return (Failed(e, [], $"manifests: {ex.Message}", goldenDir, tolerances), []);
        }
        var headline = catalog.Experiment.Metrics;
        if (e.OnlyWhenDataPresent && catalog.Dataset.Generator is null
            && !File.Exists(Path.Combine(root, "data", "locks", catalog.Dataset.Id, "lock.json")))
            return (new ExperimentDrift(e.Id, e.Profile, Verdict.Reproduced, [], headline, null,
                $"data/{catalog.Dataset.Id} is not downloaded (no data/locks/{catalog.Dataset.Id}/lock.json); nightly.yaml runs it only when it is"), []);

        string? failure = null;
        if (options.Rerun)
        {
            foreach (var stage in ProvenStages.Concat(ForcedStages))
            {
                try
                {
                    var ctx = PipelineSession.Open(root, e.Id, force: ForcedStages.Contains(stage), release: false, options.CommandLine);
                    PipelineSession.Run(ctx, stage);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Any failure (bad input, a trainer's crash) is this experiment's BROKEN verdict, not the night's end.
                    failure = $"{stage} failed: {(ex is ScReproException ? ex.Message : ex.GetType().Name + ": " + ex.Message)}";
                    Output.Info($"nightly: {e.Id}: {failure}");
                    break;
                }
            }
        }

        RunContext run;
        try
        {
            run = PipelineSession.Open(root, e.Id, force: false, release: false, options.CommandLine);
            SplitFileView.Read(run);
            HashStage.ReadLock(run);
        }
        catch (Exception ex) when (ex is ScReproException or UpstreamMissingException)
        {
            return (Failed(e, catalog.Models.Select(m => m.Id), failure ?? ex.Message, goldenDir, tolerances), []);
        }

        var models = new List<ModelDrift>();
        var collected = new List<ModelResult>();
        foreach (var model in catalog.Models)
        {
            var (result, missing) = ResultCollector.Collect(run, model, tolerances.Sha256, notBefore);
            if (result is not null) collected.Add(result);
            var golden = ReadGolden(goldenDir, e.Id, model.Id);
            models.Add(DriftComparer.Compare(model.Id, golden, result, tolerances, e.Profile, Direction,
                result is null ? failure ?? missing : null));
        }
        foreach (var gone in GoldenModels(goldenDir, e.Id).Where(m => catalog.Models.All(x => x.Id != m)))
            models.Add(DriftComparer.Compare(gone, ReadGolden(goldenDir, e.Id, gone), null, tolerances, e.Profile, Direction,
                $"{gone} has a golden file but is no longer in {catalog.Experiment.Origin.File}"));
        var verdict = Verdicts.Worst(models.Select(m => m.Verdict.Verdict).Append(failure is null ? Verdict.Reproduced : Verdict.Broken));
        return (new ExperimentDrift(e.Id, e.Profile, verdict, models, headline, failure, null), collected);
    }

    private static ExperimentDrift Failed(NightlyExperiment e, IEnumerable<string> models, string failure, string goldenDir, ToleranceModel tolerances)
    {
        var drifts = models.Union(GoldenModels(goldenDir, e.Id)).Order(StringComparer.Ordinal)
            .Select(m => DriftComparer.Compare(m, ReadGolden(goldenDir, e.Id, m), null, tolerances, e.Profile, Direction, failure)).ToList();
        return new ExperimentDrift(e.Id, e.Profile, Verdict.Broken, drifts, [], failure, null);
    }

    /// <summary>Which way a metric improves, from the project's one table (cell-eval's best values, sklearn's scores).</summary>
    public static Better Direction(string metric) => BetterOf.Direction(MetricDirections.Of(metric));

    private static ModelResult? ReadGolden(string goldenDir, string experiment, string model)
    {
        var path = NightlyPaths.Golden(goldenDir, experiment, model);
        return File.Exists(path) ? ModelResult.Read(path) : null;
    }

    private static IEnumerable<string> GoldenModels(string goldenDir, string experiment)
    {
        var dir = Path.Combine(goldenDir, experiment);
        return Directory.Exists(dir)
            ? Directory.GetDirectories(dir).Where(d => File.Exists(Path.Combine(d, ModelResult.FileName))).Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];
    }

    /// <summary>On GitHub Actions: the table into the job summary, and a warning annotation when DRIFTED.</summary>
    private static void PublishToGitHub(DriftReport report, string markdown)
    {
        var summary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summary)) File.AppendAllText(summary, DriftMarkdown.StepSummary(markdown));
        if (string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.Ordinal) && report.Verdict != "REPRODUCED")
            System.Console.WriteLine($"::{(report.Verdict == "BROKEN" ? "error" : "warning")} title=Nightly {report.Verdict}::{report.Counts["break"]} break, {report.Counts["drift"]} drift, {report.Counts["not_comparable"]} not comparable; see DRIFT.md");
    }
}
