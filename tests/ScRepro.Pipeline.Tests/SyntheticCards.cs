using ScRepro.Cards;
using ScRepro.Contracts;
using ScRepro.Core.Hashing;
using ScRepro.Core.Manifests;
using ScRepro.Foundation.IO;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// Cards built from real manifests and made-up stage outputs (a TrainStats, a summary.json per seed, a lock and a
/// split), so every experiment's card can be rendered without training anything.
/// </summary>
internal static class SyntheticCards
{
    public static ProvenanceBlock Provenance() => new("0123456789abcdef0123456789abcdef01234567", "0123456", "main", null, false, [],
        "0.1.0", "10.0.0", null, null, "Debian 12", "test cpu", 2, new SortedDictionary<string, long> { ["train"] = 0 }, "2026-12-02T00:00:00Z", "test");

    /// <summary>
    /// One seed run per experiment seed: each metric named in <paramref name="metrics"/> gets mean 0.25 + 0.125·i + 0.001·seed
    /// (exact binary fractions plus a seed offset), except that a metric whose name contains "nan" is null (all NaN).
    /// </summary>
    public static IReadOnlyList<CardBuilder.SeedRun> Runs(ExperimentManifest exp, ModelManifest model, IReadOnlyList<string> metrics, TempDir dir) =>
        exp.Seeds.Select(seed =>
        {
            var trainDir = Path.Combine(dir.Path, "train", model.Id, $"seed{seed}");
            Directory.CreateDirectory(trainDir);
            var stats = new TrainStats(1.5, null, StopReason.Converged, new ClosedFormDetails(TrainConditions: 2, TestConditions: 1) { CellsSeen = 2 }, Provenance());
            Json.WriteFile(Path.Combine(trainDir, "training_stats.json"), stats);
            var eval = new EvalSummary(exp.Task, model.Id, seed, metrics.Select((name, i) => name.Contains("nan", StringComparison.Ordinal)
                ? new MetricStats(name, null, null, null, 4, 4, Direction(name))
                : new MetricStats(name, 0.25 + 0.125 * i + 0.001 * seed, 0.25 + 0.125 * i, 0.5 + 0.125 * i, 4, 0, Direction(name))).ToList(),
                new Dictionary<string, string>(), Provenance());
            return new CardBuilder.SeedRun(seed, stats, eval, trainDir);
        }).ToList();

    // The evaluators stamp the direction from the one table; a made-up metric name has none.
    private static MetricDirection Direction(string name) => ScRepro.Evaluation.MetricDirections.Of(name) ?? MetricDirection.None;

    public static LockFile Lock(DatasetManifest ds) =>
        LockFile.Create(ds.Id, ds.Origin.Sha256, [new LockedFile("data.h5ad", 10, new string('e', 64), PinSource.FirstDownload)]);

    public static SplitMembers Split() => new(["a", "b"], ["c"], ["d"], new string('f', 64), "test", "2 train / 1 val / 1 test");


    /// <summary>Every model card of <paramref name="experiment"/>, rendered with the repository's templates.</summary>
    public static IEnumerable<(ModelManifest Model, ModelCard Card, string Text)> Render(string manifests, string experiment, TempDir dir,
        IReadOnlyList<string>? metrics = null)
    {
        var catalog = ManifestCatalog.Load(manifests, experiment);
        var run = new CardRun(catalog.Experiment, catalog.Dataset, "0123456789abcdef0123456789abcdef01234567", "0123456", "0123456")
        {
            Papers = Papers.PaperLock.ForCatalog(catalog),
        };
        var renderer = new CardRenderer(Path.Combine(TestPaths.RepoRoot, "reports", "templates"));
        foreach (var model in catalog.Models)
        {
            var names = metrics ?? (run.Experiment.Metrics.Count > 0 ? run.Experiment.Metrics : ["accuracy", "macro_f1"]);
            var card = CardBuilder.Build(run, model, Runs(run.Experiment, model, names, dir), Lock(run.Dataset), Split());
            yield return (model, card, renderer.RenderModelCard(card));
        }
    }
}
