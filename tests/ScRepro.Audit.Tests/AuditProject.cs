using System.Diagnostics;
using ScRepro.Audit.Publishing;
using ScRepro.Pipeline;
using ScRepro.Testing;

namespace ScRepro.Audit.Tests;

/// <summary>
/// A small ScRepro project in a temporary git repository, run once through Download → Evaluate for a closed-form
/// baseline (additive) and a CPU-sized scGPT generator (2 epochs), then published with `screpro publish`'s engine.
/// Shared by the test classes of the "audit project" collection; each test copies a published folder before damaging it.
/// </summary>
public sealed class AuditProject : IDisposable
{
    private readonly TempDir _dir = TestPaths.NewTempDir();

    public AuditProject()
    {
        var root = TestPaths.RepoRoot;
        foreach (var sub in new[] { "manifests/models", "reports/templates" })
        {
            Directory.CreateDirectory(Path.Combine(Root, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(root, sub))) File.Copy(f, Path.Combine(Root, sub, Path.GetFileName(f)));
        }
        File.Copy(Path.Combine(root, "manifests/tolerances.yaml"), Path.Combine(Root, "manifests/tolerances.yaml"));
        // The models cite papers: the registry and its lock come along (cards cite from the lock).
        foreach (var name in new[] { "papers.yaml", "papers.lock.json" }) File.Copy(Path.Combine(root, "manifests", name), Path.Combine(Root, "manifests", name));
        // Two epochs instead of five: the audit is what is under test, not how well the model learns.
        var cpu = Path.Combine(Root, "manifests/models/scgpt_perturbation_cpu.yaml");
        File.WriteAllText(cpu, File.ReadAllText(cpu).Replace("  epochs: 5\n", "  epochs: 2\n"));
        Directory.CreateDirectory(Path.Combine(Root, "manifests/datasets"));
        Directory.CreateDirectory(Path.Combine(Root, "manifests/experiments"));
        File.WriteAllText(Path.Combine(Root, "manifests/datasets/demo.yaml"), """
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
        var demo = File.ReadAllText(Path.Combine(root, "manifests/experiments/demo.yaml"));
        demo = string.Join("\n", demo.Split('\n').Select(l => l.StartsWith("models:", StringComparison.Ordinal) ? "models: [additive, scgpt_perturbation_cpu]" : l));
        File.WriteAllText(Path.Combine(Root, "manifests/experiments/demo.yaml"), demo);
        // The card's Runner line names ./build.sh; the commit must hold it for B2 to pass.
        File.WriteAllText(Path.Combine(Root, "build.sh"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(Root, ".gitignore"), "data/\nruns/\nreports/*/\n!reports/templates/\npublished/\n");
        Git("init", "-q", "-b", "main");
        Git("add", "-A");
        Git("commit", "-q", "-m", "audit test project");
        foreach (var stage in new[] { "download", "hash", "split", "train", "evaluate" })
            PipelineSession.Run(PipelineSession.Open(Root, "demo", force: false, release: false, "test"), stage);
        Baseline = Publisher.Publish(Root, "demo", "additive", null, Path.Combine(Root, "published", "additive"), "test");
        Scgpt = Publisher.Publish(Root, "demo", "scgpt_perturbation_cpu", null, Path.Combine(Root, "published", "scgpt"), "test");
    }

    public string Root => _dir.Path;

    /// <summary>The published additive baseline (no weights file).</summary>
    public string Baseline { get; }

    /// <summary>The published scGPT generator (best_model.pt, args.json, vocab.json).</summary>
    public string Scgpt { get; }

    /// <summary>A fresh copy of a published folder to damage.</summary>
    public string Copy(string folder, string name)
    {
        var target = Path.Combine(Root, "copies", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(folder)) File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    /// <summary>Rewrites SHA256SUMS after a deliberate edit: a consistent upload that says something else.</summary>
    public static void Reseal(string folder)
    {
        var files = Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != PublishManifest.FileName)
            .Select(f => (Path.GetFileName(f), Core.Hashing.FileHasher.Sha256(f))).ToList();
        File.WriteAllText(Path.Combine(folder, PublishManifest.FileName), PublishManifest.Format(files));
    }

    /// <summary>Audit options for a folder of this project, written to a fresh output folder.</summary>
    public AuditOptions Options(string dir) => new()
    {
        Root = Root, Dir = dir, Out = Path.Combine(Root, "audits", Guid.NewGuid().ToString("N")[..8]), CommandLine = "test",
    };

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition("audit project")]
public sealed class AuditProjectCollection : ICollectionFixture<AuditProject>;
