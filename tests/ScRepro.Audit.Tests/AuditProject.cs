using ScRepro.Audit.Publishing;
using ScRepro.Pipeline;
using ScRepro.Testing;

namespace ScRepro.Audit.Tests;

/// <summary>
/// A small ScRepro project in a temporary git repository, run once through Download → Evaluate for a closed-form
/// baseline (additive) and a CPU-sized scGPT generator (2 epochs), and for demo_annotation's three CPU-sized
/// classifiers (scGPT, scBERT, Geneformer; 2 epochs each), then published with `screpro publish`'s engine.
/// Shared by the test classes of the "audit project" collection; each test copies a published folder before damaging it.
/// </summary>
public sealed class AuditProject : IDisposable
{
    private readonly ScratchProject _project = new();

    public AuditProject()
    {
        // Two epochs instead of five or six: the audit is what is under test, not how well the models learn.
        foreach (var (id, epochs) in new[] { ("scgpt_perturbation_cpu", 5), ("scgpt_annotation_cpu", 6), ("scbert_annotation_cpu", 6), ("geneformer_annotation_cpu", 4) })
            _project.Edit($"manifests/models/{id}.yaml", t => t.Replace($"  epochs: {epochs}\n", "  epochs: 2\n"));
        _project.WriteDemoDataset();
        _project.WriteDemoExperiment(["additive", "scgpt_perturbation_cpu"]);
        // The three annotation classifiers, without the logistic baseline (the perturbation baselines cover refitting).
        _project.WriteExperiment("demo_annotation", ["scgpt_annotation_cpu", "scbert_annotation_cpu", "geneformer_annotation_cpu"]);
        // The card's Runner line names ./build.sh; the commit must hold it for B2 to pass.
        _project.Write("build.sh", "#!/bin/sh\n");
        _project.Ignore("published/");
        _project.Commit("audit test project");
        foreach (var stage in new[] { "download", "hash", "split", "train", "evaluate" })
            PipelineSession.Run(PipelineSession.Open(Root, "demo", force: false, release: false, "test"), stage);
        Baseline = Publisher.Publish(Root, "demo", "additive", null, Path.Combine(Root, "published", "additive"), "test");
        Scgpt = Publisher.Publish(Root, "demo", "scgpt_perturbation_cpu", null, Path.Combine(Root, "published", "scgpt"), "test");
        foreach (var stage in new[] { "split", "train", "evaluate" })
            PipelineSession.Run(PipelineSession.Open(Root, "demo_annotation", force: false, release: false, "test"), stage);
        foreach (var id in new[] { "scgpt_annotation_cpu", "scbert_annotation_cpu", "geneformer_annotation_cpu" })
            Classifiers[id] = Publisher.Publish(Root, "demo_annotation", id, null, Path.Combine(Root, "published", id), "test");
    }

    public string Root => _project.Root;

    /// <summary>The published additive baseline (no weights file).</summary>
    public string Baseline { get; }

    /// <summary>The published scGPT generator (best_model.pt, args.json, vocab.json).</summary>
    public string Scgpt { get; }

    /// <summary>The published CPU-sized annotation classifiers of demo_annotation, by model id.</summary>
    public Dictionary<string, string> Classifiers { get; } = new(StringComparer.Ordinal);

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

    public void Dispose() => _project.Dispose();
}

[CollectionDefinition("audit project")]
public sealed class AuditProjectCollection : ICollectionFixture<AuditProject>;
