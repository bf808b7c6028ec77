using ScRepro.Nightly.Golden;

namespace ScRepro.Nightly.Tests;

/// <summary>Hand-made results: a perturbation model with two metrics over one or more seeds, in a fixed environment.</summary>
internal static class Results
{
    public static readonly EnvironmentInfo Environment = new("0.1.0", "10.0.1", null, "Debian GNU/Linux 12", "Test CPU", 2);

    public static ModelResult Make(string model = "additive", double mse = 0.25, double pearson = 0.5, long[]? seeds = null,
        TrainingRecord? training = null, string dataLock = "a1", IReadOnlyDictionary<string, string>? recipe = null, EnvironmentInfo? env = null,
        string commit = "0123456789abcdef0123456789abcdef01234567")
    {
        var bySeed = (seeds ?? [0]).ToDictionary(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture), s => new SeedResult(
            new Dictionary<string, MetricRecord>
            {
                ["mse"] = new(mse + s * 1e-3, mse, mse * 2, 20, 0),
                ["pearson_delta"] = new(pearson + s * 1e-3, pearson, 0.9, 20, 1),
            },
            training ?? new TrainingRecord("max_epochs", null, 5, 5, 60.0),
            null));
        return new ModelResult(ModelResult.SchemaId, "demo", model, "perturbation",
            new RunIdentity(commit, false, "2026-12-01T03:23:00Z", env ?? Environment),
            new ResultInputs(dataLock, "s1", "e1", model, "screpro-eval/perturbation/0.1.0.0",
                recipe ?? new Dictionary<string, string> { ["hyperparameters.alpha"] = "1", ["budget.epochs"] = "5" }, "m1", "t1"),
            bySeed);
    }
}
