using System.Diagnostics;
using ScRepro.Testing;

namespace ScRepro.Nightly.Tests;

/// <summary>
/// A temporary git project with the real model manifests, templates, tolerances and .gitignore, a small demo dataset
/// (80 genes) and one experiment "mini" of the four perturbation baselines, listed in its nightly.yaml.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private readonly TempDir _dir = TestPaths.NewTempDir();

    public TestProject()
    {
        var root = TestPaths.RepoRoot;
        foreach (var sub in new[] { "manifests/models", "reports/templates" })
        {
            Directory.CreateDirectory(Path.Combine(Root, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(root, sub))) File.Copy(f, Path.Combine(Root, sub, Path.GetFileName(f)));
        }
        File.Copy(Path.Combine(root, "manifests", "tolerances.yaml"), Path.Combine(Root, "manifests", "tolerances.yaml"));
        // The models cite papers: the registry and its lock come along (cards cite from the lock).
        foreach (var name in new[] { "papers.yaml", "papers.lock.json" }) File.Copy(Path.Combine(root, "manifests", name), Path.Combine(Root, "manifests", name));
        File.Copy(Path.Combine(root, ".gitignore"), Path.Combine(Root, ".gitignore"));
        Directory.CreateDirectory(Path.Combine(Root, "manifests", "datasets"));
        Directory.CreateDirectory(Path.Combine(Root, "manifests", "experiments"));
        WriteDataset(genes: 80);
        Write("manifests/experiments/mini.yaml", """
            id: mini
            title: "Mini"
            task: perturbation
            dataset: demo
            file: perturbation.h5ad
            columns: {perturbation: condition, control: ctrl}
            split: {policy: gears_simulation, seed: 1, parameters: {train_gene_set_size: 0.75, combo_seen2_train_frac: 0.75}}
            models: [control_mean, train_mean, additive, linear_pca_ridge]
            seeds: [0]
            metrics: [pearson_delta, mse]
            """);
        Write("manifests/nightly.yaml", "experiments:\n  - {id: mini, profile: retrain}\nhistory: {keep: 10}\n");
        Git("init", "-q", "-b", "main");
        Commit("project");
    }

    public string Root => _dir.Path;

    public string Manifest => Path.Combine(Root, "manifests", "nightly.yaml");

    /// <summary>The demo generator at a small size; <paramref name="genes"/> changes the data (and so its lock).</summary>
    public void WriteDataset(int genes) => Write("manifests/datasets/demo.yaml",
        "id: demo\ntitle: Small demo\ncitation: simulated\nlicense: CC0-1.0\ngenerator:\n  name: screpro-demo\n  seed: 5\n"
        + $"  parameters: {{perturbation.n_genes: {genes}, perturbation.n_targets: 10, perturbation.n_pairs: 10, "
        + "perturbation.n_control_cells: 120, perturbation.cells_per_perturbation: 12}\n"
        + "  outputs: [perturbation.h5ad, annotation.h5ad]\n");

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, relative))!);
        File.WriteAllText(Path.Combine(Root, relative), text);
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    public NightlyOutcome Nightly(string date, FailOn? failOn = null) =>
        NightlyRunner.Run(new NightlyOptions(Root, Manifest, date, failOn, CommandLine: "test"));

    public void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    public void Dispose() => _dir.Dispose();
}
