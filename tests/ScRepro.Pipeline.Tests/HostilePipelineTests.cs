using ScRepro.Foundation.Errors;
using ScRepro.Pipeline.Stages;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// What a hostile tester broke (issue 19), on the real stages of a small demo project with two baselines (no scGPT,
/// so each test takes seconds): stamps chain through outputs, every stage checks the lock of the file it reads,
/// symlinks may not lead out of data/&lt;id&gt;/, and errors about the experiment name its manifest and field.
/// </summary>
[Collection("Sequential")]
public sealed class HostilePipelineTests
{
    private static readonly string[] Stages = ["download", "hash", "split", "train", "evaluate", "card"];

    // The demo project with an experiment "chain" of two cheap models; extra lines replace the experiment's.
    private static ScratchProject Project(Func<string, string>? edit = null)
    {
        var dir = DemoProject.Create();
        var demo = File.ReadAllText(dir.PathOf("manifests/experiments/demo.yaml"));
        var chain = demo.Replace("id: demo\n", "id: chain\n")
            .Replace("models: [control_mean, train_mean, additive, linear_pca_ridge, scgpt_perturbation_cpu]", "models: [train_mean, additive]");
        dir.Write("manifests/experiments/chain.yaml", edit is null ? chain : edit(chain));
        dir.Commit("chain");
        return dir;
    }

    private static RunContext Open(ScratchProject dir) => PipelineSession.Open(dir.Root, "chain", false, false, "test");

    private static int Run(ScratchProject dir, string stage) => PipelineSession.Run(Open(dir), stage);

    private static void RunAll(ScratchProject dir, int upTo = 6)
    {
        foreach (var stage in Stages.Take(upTo)) Run(dir, stage);
    }

    [Fact]
    public void Should_rerun_the_evaluation_and_card_of_exactly_the_model_whose_predictions_changed()
    {
        using var dir = Project();
        RunAll(dir);
        var ctx = Open(dir);
        Assert.All(Stages, s => Assert.Null(PipelineSession.Status(ctx, s)));

        // Another model's predictions where additive's were: what a retrain into a different model leaves.
        var additive = Path.Combine(TrainStage.UnitDir(ctx, "additive", 0), "predictions.h5ad");
        File.Copy(Path.Combine(TrainStage.UnitDir(ctx, "train_mean", 0), "predictions.h5ad"), additive, overwrite: true);
        Assert.Equal("additive/seed0: output predictions.h5ad differs from the one its stamp records", PipelineSession.Status(ctx, "train"));
        Assert.Equal("additive/seed0: changed: consumes:train:predictions.h5ad", PipelineSession.Status(ctx, "evaluate"));
        Assert.StartsWith("additive: changed: consumes:train/seed0/predictions.h5ad", PipelineSession.Status(ctx, "card"));

        // Evaluate and Card re-run for additive only (and the comparison page, which shows every model).
        Assert.Equal(1, Run(dir, "evaluate"));
        Assert.Equal(2, Run(dir, "card"));
        var card = File.ReadAllText(Path.Combine(ctx.ReportDir, "additive", "card.json"));
        Assert.Contains(Core.Hashing.FileHasher.Sha256(additive), card); // the card lists the file beside it
    }

    [Fact]
    public void Should_stop_a_stage_run_alone_on_a_data_file_changed_after_hashing()
    {
        using var dir = Project();
        RunAll(dir, upTo: 3);
        var data = Path.Combine(dir.Root, "data", "demo", "perturbation.h5ad");
        var stamp = File.GetLastWriteTimeUtc(data);
        var bytes = File.ReadAllBytes(data);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(data, bytes);
        File.SetLastWriteTimeUtc(data, stamp); // size and mtime as before: only ctime/inode can tell
        var e = Assert.Throws<ScReproException>(() => Run(dir, "train"));
        Assert.Contains("perturbation.h5ad: sha256 mismatch", e.Message);
        Assert.False(Directory.Exists(Path.Combine(Open(dir).RunDir, "train")));
    }

    [Fact]
    public void Should_lock_an_experiment_file_that_no_source_lists()
    {
        // The demo dataset generates perturbation.h5ad and annotation.h5ad; this experiment reads a copy of the first.
        using var dir = Project(chain => chain.Replace("file: perturbation.h5ad", "file: extra/copy.h5ad"));
        Run(dir, "download");
        var extra = Path.Combine(dir.Root, "data", "demo", "extra", "copy.h5ad");
        Directory.CreateDirectory(Path.GetDirectoryName(extra)!);
        File.Copy(Path.Combine(dir.Root, "data", "demo", "perturbation.h5ad"), extra);
        Run(dir, "hash");
        var lockFile = HashStage.ReadLock(Open(dir));
        Assert.Contains(lockFile.Files, f => f.Path == "extra/copy.h5ad");
        Run(dir, "split");
        File.AppendAllText(extra, "tampered");
        Assert.StartsWith("demo: changed: file:extra/copy.h5ad", PipelineSession.Status(Open(dir), "hash"));
        var e = Assert.Throws<ScReproException>(() => Run(dir, "split"));
        Assert.Contains("extra/copy.h5ad", e.Message);
    }

    [Fact]
    public void Should_keep_one_cache_per_dataset_and_rehash_everything_with_force()
    {
        using var dir = Project();
        RunAll(dir, upTo: 2);
        var ctx = Open(dir);
        Assert.EndsWith(Path.Combine("data", ".hash-cache", "demo.json"), HashStage.CachePath(ctx));
        Assert.True(File.Exists(HashStage.CachePath(ctx)));
        // A forged cache entry (another hash for the same identity) is believed by a normal run, never by --force.
        var cache = File.ReadAllText(HashStage.CachePath(ctx));
        var lockFile = HashStage.ReadLock(ctx);
        var real = lockFile.Files.First(f => f.Path == "perturbation.h5ad").Sha256;
        File.WriteAllText(HashStage.CachePath(ctx), cache.Replace(real, new string('0', 64)));
        var forced = PipelineSession.Open(dir.Root, "chain", force: true, release: false, "test");
        Assert.Equal(1, PipelineSession.Run(forced, "hash"));
        Assert.Equal(real, HashStage.ReadLock(ctx).Files.First(f => f.Path == "perturbation.h5ad").Sha256);
    }

    [Fact]
    public void Should_refuse_a_symlink_that_leads_out_of_the_data_folder()
    {
        using var dir = Project();
        using var outside = TestPaths.NewTempDir();
        RunAll(dir, upTo: 1);
        var data = Path.Combine(dir.Root, "data", "demo", "perturbation.h5ad");
        File.Move(data, Path.Combine(outside.Path, "perturbation.h5ad"));
        File.CreateSymbolicLink(data, Path.Combine(outside.Path, "perturbation.h5ad"));
        var e = Assert.Throws<ScReproException>(() => Run(dir, "hash"));
        Assert.Contains("perturbation.h5ad leads outside", e.Message);
        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public void Should_name_the_manifest_and_field_of_a_missing_control_label()
    {
        using var dir = Project(chain => chain.Replace("control: ctrl", "control: no_such_label"));
        RunAll(dir, upTo: 3);
        var e = Assert.Throws<ScReproException>(() => Run(dir, "train"));
        Assert.Contains("manifests/experiments/chain.yaml: key 'columns.control': no cell", e.Message);
    }

    [Theory]
    [InlineData("policy: gears_simulation", "policy: gears_simulatoin", "key 'split.policy': unknown policy 'gears_simulatoin'")]
    [InlineData("seed: 1\n", "seed: 4294967296\n", "key 'split.seed': 4294967296 is outside 0..4294967295")]
    [InlineData("train_gene_set_size: 0.75", "train_gene_set_sise: 0.75", "key 'split.parameters': unknown key 'train_gene_set_sise'")]
    public void Should_name_the_manifest_and_field_of_a_bad_split(string from, string to, string message)
    {
        using var dir = Project(chain => chain.Replace(from, to));
        RunAll(dir, upTo: 2);
        var e = Assert.Throws<ScReproException>(() => Run(dir, "split"));
        Assert.Contains("chain.yaml: " + message, e.Message);
    }

    [Fact]
    public void Should_name_the_model_manifest_of_an_unknown_hyperparameter()
    {
        using var dir = Project();
        var manifest = Path.Combine(dir.Root, "manifests/models/additive.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("hyperparameters: {}", "hyperparameters: {alpha: 1}"));
        RunAll(dir, upTo: 3);
        var e = Assert.Throws<ScReproException>(() => Run(dir, "train"));
        // ParameterReader's words: the manifest file, the section and the key.
        Assert.Contains("manifests/models/additive.yaml: hyperparameters: unknown key 'alpha'", e.Message);
    }
}
