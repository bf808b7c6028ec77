using ScRepro.Cards.Hub;

namespace ScRepro.Cards.Tests;

/// <summary>A model card with every section filled; values from the seed card (../shared/seeds/000_087a4537ab43ddf3.txt).</summary>
internal static class SampleCards
{
    public static HubMetadata Hub(string license = "cc0-1.0") => new(license, null, null, "screpro", ["single-cell", "screpro"], ["demo"], null, null,
        [new ModelIndexEntry("train_mean", [new ModelIndexResult(new ModelIndexTask("perturbation-response-prediction", "perturbation"),
            new ModelIndexDataset("demo", "Demo", "test"), [new ModelIndexMetric("pearson_delta", 0.5067, "pearson_delta (mean)")])])]);

    public static ModelCard Card(IReadOnlyList<MetricRow>? metrics = null) => new(
        Title: "Train mean on Demo",
        Summary: "Produced by ScRepro.",
        Hub: Hub(),
        Provenance: new CardProvenance("da2a5820000", "da2a582", "clean tree", "v0.1", "./build.sh --target=Card", "manifests/datasets/demo.yaml",
            new string('a', 64), new string('b', 64), "SIMULATED", "gears_simulation, seed 1", new string('c', 64), "20 train / 5 val / 10 test",
            "split 1; training 0", "ScRepro 0.1.0", "2026-11-21T00:00:00Z"),
        BaseModel: "None",
        Recipe: [new KeyValue("model kind", "train_mean")],
        Budget: [new KeyValue("epochs trained", "n/a"), new KeyValue("stopping reason", "converged")],
        MetricsSource: "cell-eval",
        // The seed card's pearson_delta row: 0.5067 / 0.5503 / 0.9132.
        Metrics: metrics ?? [new MetricRow("pearson_delta", 0.50671234, 0.55029, 0.91324), new MetricRow("de_nsig_counts_pred", null, double.NaN, 3)],
        References: [new ReferenceRow("pearson_delta", 0.459, true, 0.50671234, "scGPT paper Table 1"),
            new ReferenceRow("mse", 0.25, false, null, "elsewhere")],
        Limitations: ["Simulated data."],
        Files: [new FileRow("train/m/seed0/training_stats.json", new string('d', 64), "TrainStats")],
        Usage: "./build.sh --target=Card",
        Citations: ["Dataset: simulated"],
        Figures: []);
}
