using ScRepro.Testing;

namespace ScRepro.Nightly.Tests;

/// <summary>
/// The shared scratch project (real manifests, templates, tolerances and .gitignore, which tracks reports/golden and the
/// nightly history) with the small demo dataset (80 genes) and one experiment "mini" of the four perturbation
/// baselines, listed in its nightly.yaml.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private readonly ScratchProject _project = new();

    public TestProject()
    {
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
        Commit("project");
    }

    public string Root => _project.Root;

    public string Manifest => _project.PathOf("manifests", "nightly.yaml");

    /// <summary>The demo generator at a small size; <paramref name="genes"/> changes the data (and so its lock).</summary>
    public void WriteDataset(int genes) => _project.WriteDemoDataset(genes);

    public void Write(string relative, string text) => _project.Write(relative, text);

    public void Commit(string message) => _project.Commit(message);

    public NightlyOutcome Nightly(string date, FailOn? failOn = null) =>
        NightlyRunner.Run(new NightlyOptions(Root, Manifest, date, failOn, CommandLine: "test"));

    public void Dispose() => _project.Dispose();
}
