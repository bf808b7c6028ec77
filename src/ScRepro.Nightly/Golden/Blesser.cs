using System.Globalization;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Core.Provenance;
using ScRepro.Nightly.Report;

namespace ScRepro.Nightly.Golden;

/// <summary>
/// `screpro bless`: turns the last nightly's results into the golden files (reports/golden/), the explicit act that
/// accepts new numbers (pytest-regressions' --force-regen, with provenance). Only from a clean tree at the commit the
/// nightly ran (changes under the nightly output folder, such as its history.csv, excepted): the commit that adds the
/// golden files is then the audit trail. Refuses results a wall-clock cap cut short. Returns what changed.
/// </summary>
public static class Blesser
{
    public static IReadOnlyList<BlessChange> Bless(string root, NightlyManifest manifest, string? experiment = null, string? model = null, string? from = null)
    {
        root = Path.GetFullPath(root);
        var git = GitInfo.Read(root);
        if (!git.IsRepository) throw new ScReproException("bless needs a git checkout: the commit that blesses is the audit trail");
        var own = manifest.Output.TrimEnd('/') + "/";
        var dirty = git.DirtyPaths.Where(p => !p.StartsWith(own, StringComparison.Ordinal)).ToList();
        if (dirty.Count > 0)
            throw new ScReproException($"bless refuses a dirty working tree ({dirty.Count} changed: {string.Join(", ", dirty.Take(5))}{(dirty.Count > 5 ? ", …" : "")}); commit or stash first, then run Nightly and Bless");

        var folder = from is not null ? Path.GetFullPath(Path.Combine(root, from)) : Latest(Path.Combine(root, manifest.Output));
        var reportPath = Path.Combine(folder, NightlyPaths.ReportJson);
        if (!File.Exists(reportPath)) throw new ScReproException($"{Path.GetRelativePath(root, folder)}: no {NightlyPaths.ReportJson}: run Nightly first");
        var report = DriftReport.Read(reportPath);
        if (report.Commit != git.Commit)
            throw new ScReproException($"{Path.GetRelativePath(root, reportPath)}: the nightly ran at {report.Commit[..Math.Min(7, report.Commit.Length)]}, HEAD is {git.ShortCommit}: run Nightly at HEAD first, so the golden files come from the commit that blesses them");
        var runDirty = report.DirtyPaths.Where(p => !p.StartsWith(own, StringComparison.Ordinal)).ToList();
        if (runDirty.Count > 0)
            throw new ScReproException($"{Path.GetRelativePath(root, reportPath)}: the nightly ran on a dirty tree ({string.Join(", ", runDirty.Take(5))}): run it again from a clean tree");
        if (experiment is not null && report.Experiments.All(e => e.Experiment != experiment))
            throw new ScReproException($"--experiment {experiment}: not in {Path.GetRelativePath(root, reportPath)}");

        var goldenDir = Path.Combine(root, manifest.Golden);
        var changes = new List<BlessChange>();
        foreach (var e in report.Experiments.Where(e => experiment is null || e.Experiment == experiment))
        {
            if (e.Skipped is not null) continue;
            var resultsDir = Path.Combine(folder, "results", e.Experiment);
            var results = Directory.Exists(resultsDir)
                ? Directory.GetFiles(resultsDir, "*.json").Order(StringComparer.Ordinal).Select(ModelResult.Read).ToList()
                : [];
            if (model is not null && results.All(r => r.Model != model) && report.Models.All(m => m.Experiment != e.Experiment || m.Model != model))
                throw new ScReproException($"--model {model}: no result for it in {e.Experiment}");
            foreach (var result in results.Where(r => model is null || r.Model == model))
            {
                var cut = result.Seeds.Where(s => s.Value.Training?.CutByWallClock == true).Select(s => $"seed {s.Key} {s.Value.Training!.Describe()}").ToList();
                if (cut.Count > 0)
                    throw new ScReproException($"{e.Experiment}/{result.Model}: cannot bless a run a wall-clock cap cut short ({string.Join("; ", cut)}): raise budget.max_wall_clock_s or run on a faster machine");
                var path = NightlyPaths.Golden(goldenDir, e.Experiment, result.Model);
                var old = File.Exists(path) ? ModelResult.Read(path) : null;
                var diff = old is null ? ["new golden file"] : Diff(old, result);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                result.Write(path);
                changes.Add(new BlessChange(e.Experiment, result.Model, old is null ? "added" : diff.Count == 0 ? "unchanged" : "updated", diff));
            }
            // A model with a golden file that the experiment no longer has: its golden goes with it.
            foreach (var gone in report.Models.Where(m => m.Experiment == e.Experiment && (model is null || m.Model == model)
                                                         && m.Current is null && results.All(r => r.Model != m.Model)))
            {
                var path = NightlyPaths.Golden(goldenDir, e.Experiment, gone.Model);
                if (!File.Exists(path) || !gone.Reasons.Any(r => r.Contains("no longer in", StringComparison.Ordinal))) continue;
                File.Delete(path);
                if (Directory.Exists(Path.GetDirectoryName(path)!) && !Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(path)!).Any())
                    Directory.Delete(Path.GetDirectoryName(path)!);
                changes.Add(new BlessChange(e.Experiment, gone.Model, "removed", ["the model is no longer in the experiment"]));
            }
        }
        if (changes.Count == 0) throw new ScReproException($"{Path.GetRelativePath(root, folder)}: nothing to bless (no model results)");
        return changes;
    }

    /// <summary>The newest nightly folder (dates sort as text) under <paramref name="outputDir"/> that has a report.</summary>
    public static string Latest(string outputDir) =>
        (Directory.Exists(outputDir)
            ? Directory.GetDirectories(outputDir).Where(d => File.Exists(Path.Combine(d, NightlyPaths.ReportJson))).Order(StringComparer.Ordinal).LastOrDefault()
            : null)
        ?? throw new ScReproException($"{outputDir}: no nightly report yet: run ./build.sh --target=Nightly first");

    /// <summary>Every number and input that differs between two results, "name: old → new".</summary>
    public static List<string> Diff(ModelResult old, ModelResult now)
    {
        var changes = new List<string>();
        var a = DriftComparer.Numbers(old);
        var b = DriftComparer.Numbers(now);
        foreach (var key in a.Keys.Union(b.Keys).Where(k => k.Metric != "wall_clock_s").OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var x = a.TryGetValue(key, out var va) ? va : null;
            var y = b.TryGetValue(key, out var vb) ? vb : null;
            if (x is not null && y is not null && Equals(x.Value, y.Value) && x.NullCount == y.NullCount) continue;
            changes.Add($"{key}: {Show(x)} → {Show(y)}");
        }
        foreach (var (name, ga, gb) in new[]
                 {
                     ("data lock", old.Inputs.DataLockSha256, now.Inputs.DataLockSha256),
                     ("split membership", old.Inputs.SplitMembershipSha256, now.Inputs.SplitMembershipSha256),
                     ("experiment definition", old.Inputs.ExperimentDefinitionSha256, now.Inputs.ExperimentDefinitionSha256),
                     ("model kind", old.Inputs.ModelKind, now.Inputs.ModelKind),
                     ("evaluator", old.Inputs.Evaluator, now.Inputs.Evaluator),
                 })
        {
            if (ga != gb) changes.Add($"{name}: {Verification.Comparison.Comparability.Short(ga)} → {Verification.Comparison.Comparability.Short(gb)}");
        }
        if (DriftComparer.RecipeChange(old, now) is { } recipe) changes.Add(recipe.Reason);
        return changes;
    }

    private static string Show(Verification.Comparison.MetricSample? s) =>
        s is null ? "absent" : s.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NaN/null";
}
