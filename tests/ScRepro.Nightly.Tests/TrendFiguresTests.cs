using ScRepro.Nightly.History;
using ScRepro.Nightly.Report;
using ScRepro.Testing;
using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Nightly.Tests;

public sealed class TrendFiguresTests
{
    [Fact]
    public void Should_draw_one_png_per_headline_metric_with_the_same_bytes_for_the_same_history()
    {
        var tolerances = ToleranceModel.Load(Path.Combine(TestPaths.RepoRoot, "manifests", "tolerances.yaml"));
        using var golden = TestPaths.NewTempDir();
        var result = Results.Make("additive");
        Directory.CreateDirectory(Path.Combine(golden.Path, "demo", "additive"));
        result.Write(NightlyPaths.Golden(golden.Path, "demo", "additive"));
        var history = new[] { ("2026-12-01", 0.25), ("2026-12-02", 0.2501), ("2026-12-03", 0.4) }
            .Select(x => new HistoryRow(x.Item1, "abc1234", "demo", "additive", "mse", x.Item2)).ToList();
        var experiment = new ExperimentDrift("demo", "retrain", Verdict.Reproduced, [], ["mse", "pearson_delta"], null, null);
        using var a = TestPaths.NewTempDir();
        using var b = TestPaths.NewTempDir();
        var names = TrendFigures.Write(a.Path, history, [experiment], golden.Path, tolerances);
        TrendFigures.Write(b.Path, history, [experiment], golden.Path, tolerances);
        Assert.Equal(["trend-demo-mse.png"], names);   // pearson_delta has no history rows: no empty figure
        var bytes = File.ReadAllBytes(a.File("trend-demo-mse.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        Assert.Equal(bytes, File.ReadAllBytes(b.File("trend-demo-mse.png")));
    }
}
