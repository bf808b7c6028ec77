using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>A RunContext over a temporary project folder with hand-made manifests (no git: commit "unknown").</summary>
internal static class PipelineFixture
{
    public static RunContext Context(TempDir dir, bool force = false, bool dirty = false, string commit = "0123456789abcdef")
    {
        var manifests = Path.Combine(dir.Path, "manifests");
        Directory.CreateDirectory(Path.Combine(manifests, "datasets"));
        Directory.CreateDirectory(Path.Combine(manifests, "models"));
        Directory.CreateDirectory(Path.Combine(manifests, "experiments"));
        File.WriteAllText(Path.Combine(manifests, "datasets", "d.yaml"), "id: d\ntitle: D\ncitation: C\nlicense: CC0-1.0\ngenerator:\n  name: screpro-demo\n  seed: 1\n  outputs: [perturbation.h5ad]\n");
        File.WriteAllText(Path.Combine(manifests, "models", "m.yaml"), "id: m\nkind: train_mean\ntask: perturbation\ntitle: M\n");
        File.WriteAllText(Path.Combine(manifests, "experiments", "e.yaml"),
            "id: e\ntitle: E\ntask: perturbation\ndataset: d\nfile: perturbation.h5ad\ncolumns: {perturbation: condition, control: ctrl}\nsplit: {policy: gears_simulation, seed: 1}\nmodels: [m]\n");
        var catalog = ManifestCatalog.Load(manifests, "e");
        var code = CodeState.Create(dir.Path, commit, commit[..7], "main", null, dirty, dirty ? ["manifests/models/m.yaml"] : []);
        return new RunContext(dir.Path, catalog, code, force, "test");
    }
}
