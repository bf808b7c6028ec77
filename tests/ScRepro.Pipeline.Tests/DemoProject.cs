using System.Diagnostics;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>A shrunken copy of the demo in a temporary git repository (the DAG and Slurm executor tests use it).</summary>
internal static class DemoProject
{
    public static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    public static string GitOut(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return text;
    }

    /// <summary>
    /// A project with the real templates and model manifests, and a small demo dataset; <paramref name="models"/>
    /// replaces the demo experiment's model list and <paramref name="extraModels"/> adds manifests (id → YAML body).
    /// </summary>
    public static TempDir Create(IReadOnlyList<string>? models = null, IReadOnlyDictionary<string, string>? extraModels = null)
    {
        var dir = TestPaths.NewTempDir();
        var root = TestPaths.RepoRoot;
        foreach (var sub in new[] { "manifests/models", "reports/templates" })
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(root, sub))) File.Copy(f, Path.Combine(dir.Path, sub, Path.GetFileName(f)));
        }
        // The models cite papers: the registry and its lock come along (cards cite from the lock).
        foreach (var name in new[] { "papers.yaml", "papers.lock.json" }) File.Copy(Path.Combine(root, "manifests", name), Path.Combine(dir.Path, "manifests", name));
        Directory.CreateDirectory(Path.Combine(dir.Path, "manifests/datasets"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "manifests/experiments"));
        File.WriteAllText(Path.Combine(dir.Path, "manifests/datasets/demo.yaml"), """
            id: demo
            title: "Small demo"
            citation: "simulated"
            license: CC0-1.0
            generator:
              name: screpro-demo
              seed: 5
              parameters:
                perturbation.n_genes: 80
                perturbation.n_targets: 10
                perturbation.n_pairs: 10
                perturbation.n_control_cells: 120
                perturbation.cells_per_perturbation: 12
                annotation.n_cells: 400
                annotation.n_genes: 60
              outputs: [perturbation.h5ad, annotation.h5ad]
            """);
        var experiment = File.ReadAllText(Path.Combine(root, "manifests/experiments/demo.yaml"));
        if (models is not null)
            experiment = System.Text.RegularExpressions.Regex.Replace(experiment, @"(?m)^models: \[.*\]$", $"models: [{string.Join(", ", models)}]");
        File.WriteAllText(Path.Combine(dir.Path, "manifests/experiments/demo.yaml"), experiment);
        foreach (var (id, body) in extraModels ?? new Dictionary<string, string>())
            File.WriteAllText(Path.Combine(dir.Path, "manifests/models", id + ".yaml"), body);
        File.WriteAllText(Path.Combine(dir.Path, ".gitignore"), "data/\nruns/\nreports/*/\n!reports/templates/\n");
        Git(dir.Path, "init", "-q", "-b", "main");
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "demo");
        return dir;
    }
}
