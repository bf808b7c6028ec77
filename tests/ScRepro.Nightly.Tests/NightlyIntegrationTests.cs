using ScRepro.Foundation.Errors;
using ScRepro.Nightly.Golden;
using ScRepro.Nightly.Report;

namespace ScRepro.Nightly.Tests;

/// <summary>
/// Nightly and Bless end to end on a small project (the four perturbation baselines on an 80-gene demo): the first
/// night is all new, Bless accepts it, an unchanged tree then passes every row, a changed hyperparameter moves only
/// that model, a changed dataset is not comparable naming the data lock, and Bless refuses a dirty tree or a stale run.
/// </summary>
[Collection("Sequential")]
public sealed class NightlyIntegrationTests
{
    private static ModelSummary Model(DriftReport r, string model) => r.Models.Single(m => m.Model == model);

    [Fact]
    public void Should_bless_then_pass_then_flag_exactly_what_changed()
    {
        using var project = new TestProject();

        // Night 1: no golden files yet: every number is new (DRIFTED), which does not fail under fail_on: break.
        var first = project.Nightly("2026-12-01");
        Assert.Equal("DRIFTED", first.Report.Verdict);
        Assert.Equal(0, first.ExitCode);
        Assert.True(first.Report.Counts["new"] > 0);
        Assert.Equal(0, first.Report.Counts["pass"]);
        foreach (var f in new[] { "DRIFT.md", "drift.json", "results/mini/additive.json", "trend-mini-mse.png", "trend-mini-pearson_delta.png" })
            Assert.True(File.Exists(Path.Combine(first.Folder, f)), f);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(first.Folder, "trend-mini-mse.png")).Take(4));

        // Bless: allowed with only the nightly's own history.csv changed; writes one golden file per model.
        var blessed = Blesser.Bless(project.Root, NightlyManifest.Load(project.Manifest));
        Assert.Equal(["additive", "control_mean", "linear_pca_ridge", "train_mean"], blessed.Select(b => b.Model).Order());
        Assert.All(blessed, b => Assert.Equal("added", b.Action));
        var golden = ModelResult.Read(Path.Combine(project.Root, "reports/golden/mini/additive/golden.json"));
        Assert.Equal(first.Report.Commit, golden.Run.Commit);
        project.Commit("bless");

        // Night 2, unchanged inputs and code: every gating number passes and the table agrees with drift.json.
        var second = project.Nightly("2026-12-02");
        Assert.Equal("REPRODUCED", second.Report.Verdict);
        Assert.Equal(0, second.ExitCode);
        Assert.All(second.Report.Rows, r => Assert.Contains(r.Status, new[] { "pass", "informational" }));
        Assert.Equal(second.Report.Rows.Count(r => r.Status == "pass"), second.Report.Counts["pass"]);
        var md = File.ReadAllText(Path.Combine(second.Folder, "DRIFT.md"));
        Assert.StartsWith("# Nightly 2026-12-02: REPRODUCED", md);
        Assert.Contains($"{second.Report.Counts["pass"]} pass · 0 drift · 0 break", md);
        Assert.Equal(DriftReport.Read(Path.Combine(second.Folder, "drift.json")).Rows.Count, second.Report.Rows.Count);
        var history = File.ReadAllLines(Path.Combine(project.Root, "reports/nightly/history.csv"));
        Assert.Equal(1 + 2 * 4 * 2, history.Length);   // header + 2 nights × 4 models × 2 headline metrics

        // A dirty tree: Bless refuses, naming the file.
        project.Write("manifests/models/linear_pca_ridge.yaml",
            File.ReadAllText(Path.Combine(project.Root, "manifests/models/linear_pca_ridge.yaml")).Replace("n_components: 10", "n_components: 2"));
        var dirty = Assert.Throws<ScReproException>(() => Blesser.Bless(project.Root, NightlyManifest.Load(project.Manifest)));
        Assert.Contains("dirty working tree", dirty.Message);
        Assert.Contains("manifests/models/linear_pca_ridge.yaml", dirty.Message);

        // Night 3, one hyperparameter changed: that model drifts or breaks, the others pass.
        project.Commit("fewer components");
        var third = project.Nightly("2026-12-03");
        var changed = Model(third.Report, "linear_pca_ridge");
        Assert.NotEqual("REPRODUCED", changed.Verdict);
        Assert.Equal("model recipe changed (hyperparameters.n_components: 10 → 2)", changed.Reasons[0]);
        foreach (var other in new[] { "additive", "control_mean", "train_mean" }) Assert.Equal("REPRODUCED", Model(third.Report, other).Verdict);
        Assert.Equal(third.Report.Verdict == "BROKEN" ? 4 : 0, third.ExitCode);

        // A commit after the nightly: Bless refuses a run that is not at HEAD.
        project.WriteDataset(genes: 90);
        project.Commit("a larger dataset");
        var stale = Assert.Throws<ScReproException>(() => Blesser.Bless(project.Root, NightlyManifest.Load(project.Manifest)));
        Assert.Contains("run Nightly at HEAD first", stale.Message);

        // Night 4, the dataset changed: every model is not comparable, naming the data lock; --fail-on drift exits 3.
        var fourth = project.Nightly("2026-12-04", FailOn.Drift);
        Assert.Equal("DRIFTED", fourth.Report.Verdict);
        Assert.Equal(3, fourth.ExitCode);
        Assert.All(fourth.Report.Models, m => Assert.Contains(m.Reasons, r => r.StartsWith("not comparable: data lock changed", StringComparison.Ordinal)));
        Assert.Equal(0, fourth.Report.Counts["pass"]);
        Assert.Equal(0, fourth.Report.Counts["break"]);
    }
}
