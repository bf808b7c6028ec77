using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>A shrunken copy of the demo in a temporary git repository (the DAG and Slurm executor tests use it).</summary>
internal static class DemoProject
{
    /// <summary>
    /// The small demo dataset and the real demo experiment, committed; <paramref name="models"/> replaces the experiment's
    /// model list and <paramref name="extraModels"/> adds manifests (id → YAML body).
    /// </summary>
    public static ScratchProject Create(IReadOnlyList<string>? models = null, IReadOnlyDictionary<string, string>? extraModels = null)
    {
        var project = new ScratchProject();
        project.WriteDemoDataset();
        project.WriteDemoExperiment(models);
        foreach (var (id, body) in extraModels ?? new Dictionary<string, string>()) project.Write($"manifests/models/{id}.yaml", body);
        project.Commit("demo");
        return project;
    }
}
