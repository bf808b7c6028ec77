using System.Text.Json;
using ScRepro.Audit.Model;
using ScRepro.Foundation.Random;
using ScRepro.Pipeline.Training;

namespace ScRepro.Audit.Tests;

/// <summary>
/// Level D (§2.5 D) on the published demo models: the scGPT generator re-predicted with the card's seed and three
/// derived seeds (the control-pairing spread in audit.json and AUDIT.md), the three annotation classifiers
/// re-predicted from their published weights, and a full-size checkpoint that this CPU cannot run.
/// </summary>
[Collection("audit project")]
public sealed class RepredictTests(AuditProject project)
{
    private static AuditCheck Check(AuditOutcome o, string id) => o.Report.Checks.Single(c => c.Id == id);

    [Fact]
    public void Should_report_the_control_pairing_spread_over_three_derived_seeds_beside_the_card_seed()
    {
        var outcome = AuditEngine.Run(project.Options(project.Scgpt));
        Assert.Equal(CheckStatus.Pass, Check(outcome, "D").Status);
        var spread = Assert.IsType<PairingSpread>(outcome.Report.RepredictSpread);
        // The demo trains seed 0; the other seeds come from the one seed stream, never seed + k.
        Assert.Equal(0, spread.CardSeed);
        Assert.Equal([Seeds.Derive(0, "audit/repredict/1"), Seeds.Derive(0, "audit/repredict/2"), Seeds.Derive(0, "audit/repredict/3")], spread.Seeds);
        Assert.Contains("re-predicted with 3 more seeds", Check(outcome, "D").Reason);
        // The measurement behind manifests/tolerances.calibration.md's repredict section (printed with verbosity normal).
        foreach (var row in spread.Metrics.Where(r => r.Sd is not null))
            Console.WriteLine($"pairing spread {row.Metric}: sd {row.Sd:G3} over {row.Values.Count} seeds, claimed − mean {row.Claimed - row.Mean:G3}");
        var pearson = spread.Metrics.Single(m => m.Metric == "pearson_delta");
        Assert.Equal(4, pearson.Values.Count);
        // The card seed's value is the one D judged, and it equals the published summary (same checkpoint, same seed).
        var judged = outcome.Report.Metrics.Single(m => m.Metric == "pearson_delta mean" && m.Source == "summary.json" && m.Profile == "repredict");
        Assert.Equal(judged.AuditValue, pearson.Values[0]);
        Assert.Equal(judged.ClaimedValue, pearson.Claimed);
        // Other pairings draw other control cells: the values differ, so the sd is a real spread, not zero.
        Assert.True(pearson.Sd > 0, $"sd {pearson.Sd}: the pairing did not move pearson_delta");
        Assert.True(pearson.WithinNoise, $"claimed {pearson.Claimed} vs mean {pearson.Mean} ± {pearson.Threshold}");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.OutDir, "audit.json"))).RootElement;
        Assert.Equal(3, json.GetProperty("repredict_spread").GetProperty("seeds").GetArrayLength());
        Assert.Contains("## Re-prediction spread over seeds", File.ReadAllText(Path.Combine(outcome.OutDir, "AUDIT.md")));
    }

    [Fact]
    public void Should_report_no_spread_for_a_refitted_baseline()
    {
        var outcome = AuditEngine.Run(project.Options(project.Baseline));
        Assert.Null(outcome.Report.RepredictSpread);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.OutDir, "audit.json"))).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("repredict_spread").ValueKind);
    }

    [Theory]
    [InlineData("scgpt_annotation_cpu", true)]
    [InlineData("scbert_annotation_cpu", false)]
    [InlineData("geneformer_annotation_cpu", false)]
    public void Should_audit_a_published_classifier_reproduced_at_predict_from_its_weights(string model, bool seeded)
    {
        var outcome = AuditEngine.Run(project.Options(project.Classifiers[model]));
        var checks = outcome.Report.VerdictLine + "\n" + string.Join("\n", outcome.Report.Checks.Select(c => $"{c.Id} {c.Status} {c.Reason}"));
        Assert.True(outcome.Report.Verdict == "REPRODUCED", checks);
        Assert.True(outcome.Report.Level == "predict", checks);
        Assert.Contains($"{model} re-predicted with seed 0", Check(outcome, "D").Reason);
        // Accuracy and macro F1 come back exactly: the weights, the tokens and the argmax are the trainer's.
        var accuracy = outcome.Report.Metrics.Single(m => m.Metric == "accuracy mean" && m.Source == "summary.json" && m.Profile == "repredict");
        Assert.Equal(accuracy.ClaimedValue, accuracy.AuditValue);
        // scGPT bins ties and pads from its seed; scBERT's and Geneformer's predictions draw nothing.
        Assert.Equal(seeded, outcome.Report.RepredictSpread is not null);
    }

    [Fact]
    public void Should_publish_every_file_the_card_lists_hashed_in_the_manifest()
    {
        // scGPT annotation declares predictions.parquet and classes.json; the old fixed list missed the parquet file.
        var folder = project.Classifiers["scgpt_annotation_cpu"];
        var sums = Publishing.PublishManifest.Read(Path.Combine(folder, Publishing.PublishManifest.FileName));
        foreach (var name in new[] { "predictions.parquet", "predictions.csv", "classes.json", "best_model.pt", "args.json", "vocab.json", "training_stats.json" })
            Assert.Equal(Core.Hashing.FileHasher.Sha256(Path.Combine(folder, name)), sums[name]);
        var scbert = Publishing.PublishManifest.Read(Path.Combine(project.Classifiers["scbert_annotation_cpu"], Publishing.PublishManifest.FileName));
        Assert.Contains("scbert_best.pth", scbert.Keys);
        Assert.Contains("scbert_config.json", scbert.Keys);
    }

    [Fact]
    public void Should_say_needs_a_gpu_for_a_full_size_scgpt_on_a_machine_without_one()
    {
        if (Torch.torch.cuda.is_available()) return; // the GPU machine runs it instead (the device checks)
        var copy = project.Copy(project.Scgpt, "fullsize");
        var args = Path.Combine(copy, "args.json");
        // The full model's sizes (scGPT whole-human: 12 layers × 512); the check reads args.json before any weight.
        var text = File.ReadAllText(args);
        var doc = JsonDocument.Parse(text).RootElement;
        text = text.Replace($"\"nlayers\": {doc.GetProperty("nlayers").GetInt32()}", "\"nlayers\": 12")
                   .Replace($"\"embsize\": {doc.GetProperty("embsize").GetInt32()}", "\"embsize\": 512");
        Assert.Contains("\"nlayers\": 12", text);
        File.WriteAllText(args, text);
        AuditProject.Reseal(copy);
        var outcome = AuditEngine.Run(project.Options(copy));
        var d = Check(outcome, "D");
        Assert.Equal(CheckStatus.Unverifiable, d.Status);
        Assert.StartsWith("needs a GPU: args.json's scGPT is 12 layers × width 512", d.Reason);
        Assert.Null(outcome.Report.RepredictSpread);
    }

    [Fact]
    public void Should_re_predict_bit_identically_at_one_thread_count_and_within_the_band_across_two()
    {
        // The measurement behind manifests/tolerances.calibration.md's repredict section: the same checkpoint
        // re-predicted at 1 and 2 torch threads, and twice at 2.
        var old = Environment.GetEnvironmentVariable(TrainerRegistry.TorchThreadsVariable);
        try
        {
            IReadOnlyList<MetricComparison> At(int threads)
            {
                Environment.SetEnvironmentVariable(TrainerRegistry.TorchThreadsVariable, threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var o = AuditEngine.Run(project.Options(project.Scgpt));
                Assert.Contains($"torch threads {threads}", Check(o, "D").Reason);
                return o.Report.Metrics.Where(m => m.Source == "summary.json" && m.Profile == "repredict").ToList();
            }
            var two = At(2);
            var twoAgain = At(2);
            var one = At(1);
            Assert.Equal(two.Select(m => m.AuditValue), twoAgain.Select(m => m.AuditValue));
            var worst = two.Zip(one).Where(p => p.First.AuditValue is { } a && double.IsFinite(a) && p.Second.AuditValue is { } b && double.IsFinite(b))
                .Select(p => (p.First.Metric, Delta: Math.Abs(p.First.AuditValue!.Value - p.Second.AuditValue!.Value))).MaxBy(p => p.Delta);
            Console.WriteLine($"repredict 1 vs 2 threads: worst |Δ| {worst.Delta:R} ({worst.Metric}) over {two.Count} values");
            Assert.True(worst.Delta <= 1.0e-3, $"{worst.Metric} moved {worst.Delta} between 1 and 2 threads: beyond repredict's atol 1e-3");
        }
        finally
        {
            Environment.SetEnvironmentVariable(TrainerRegistry.TorchThreadsVariable, old);
        }
    }
}
