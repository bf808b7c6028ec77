using System.Diagnostics;
using ScRepro.Contracts;
using ScRepro.AnnData;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Core.Provenance;
using ScRepro.Hdf5;
using ScRepro.Pipeline.Training;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Train: one unit per model × seed, in runs/&lt;exp&gt;/&lt;commit&gt;/train/&lt;model&gt;/seed&lt;k&gt;/.
/// Its stamp holds the data lock hash, the split's membership hash, the model manifest's canonical hash,
/// the seed and the experiment's columns, so editing one model manifest re-trains only that model; the split file's
/// content hash (the stage runner adds what a unit consumes); and for libtorch trainers libtorch's version and thread count. Resumable trainers
/// (scGPT) work in &lt;unit&gt;.partial/, which survives an interruption and is continued by the next run of the same stamp.
/// </summary>
public sealed class TrainStage : IStage
{
    public string Name => "train";

    public static string UnitDir(RunContext ctx, string model, long seed) =>
        Path.Combine(ctx.RunDir, "train", model, $"seed{seed}");

    public static string PredictionFile(ModelTask task) => task == ModelTask.Perturbation ? "predictions.h5ad" : "predictions.csv";

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var lockFile = HashStage.ReadVerifiedLock(ctx);
        var split = SplitFileView.Read(ctx);
        var exp = ctx.Experiment;
        var data = new Lazy<AnnData.AnnotatedData>(() => AnnDataFile.Read(ctx.DataFile(exp.File)));
        var units = new List<WorkUnit>();
        foreach (var model in ctx.Catalog.Models)
        {
            var trainer = TrainerRegistry.Find(model);
            foreach (var seed in exp.Seeds)
            {
                var inputs = new Dictionary<string, string>
                {
                    ["data_lock"] = lockFile.LockSha256,
                    ["split_membership"] = split.MembershipHash,
                    ["model_manifest"] = model.Origin.Sha256,
                    ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["file"] = exp.File,
                    ["columns"] = Core.Manifests.YamlValues.CanonicalJson(new SortedDictionary<string, object?>
                    {
                        ["perturbation"] = exp.Columns.Perturbation, ["control"] = exp.Columns.Control,
                        ["label"] = exp.Columns.Label, ["batch"] = exp.Columns.Batch,
                    }),
                };
                if (trainer.UsesLibtorch)
                {
                    // An upgraded libtorch, or another thread count (reductions split differently), can change the numbers.
                    inputs["env:libtorch"] = TrainerRegistry.LibtorchVersion(trainer)!;
                    inputs["env:torch_threads"] = TrainerRegistry.TorchThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                var s = seed;
                units.Add(new WorkUnit(Name, $"{model.Id}/seed{seed}", UnitDir(ctx, model.Id, seed), inputs,
                    ["training_stats.json", PredictionFile(model.Task)],
                    tmp => Train(ctx, trainer, model, s, data.Value, split, tmp), ctx.RunDir, Resumable: trainer.Resumable,
                    Consumes: new Dictionary<string, string> { ["split.json"] = SplitFileView.PathFor(ctx) },
                    Resources: model.Resources));
            }
        }
        return units;
    }

    /// <summary>The experiment's columns exist in the data, and its control label is one of the conditions.</summary>
    public static void CheckColumns(RunContext ctx, AnnData.AnnotatedData data)
    {
        var exp = ctx.Experiment;
        var where = $"{exp.Origin.File}: key 'columns";
        foreach (var (field, column) in new[] { ("perturbation", exp.Columns.Perturbation), ("label", exp.Columns.Label), ("batch", exp.Columns.Batch) })
            if (column is not null && !data.Obs.Contains(column))
                throw new ScReproException($"{where}.{field}': {exp.File} has no obs column '{column}' (have: {string.Join(", ", data.Obs.Columns.Select(c => c.Name))})");
        if (exp.Columns.Control is { } control && exp.Columns.Perturbation is { } perturbation)
        {
            var col = data.Obs[perturbation];
            if (!Enumerable.Range(0, col.Length).Any(i => col.GetString(i) == control))
                throw new ScReproException($"{where}.control': no cell of {exp.File} has obs['{perturbation}'] == '{control}' (the control label)");
        }
    }

    private static void Train(RunContext ctx, ITrainer trainer, Core.Manifests.ModelManifest model, long seed,
        AnnData.AnnotatedData data, SplitMembers split, string dir)
    {
        CheckColumns(ctx, data);
        var clock = Stopwatch.StartNew();
        TrainOutcome outcome;
        try
        {
            outcome = trainer.Train(new TrainRequest(ctx, model, seed, data, split, dir));
        }
        catch (ScReproException e) when (e.Message.Contains("hyperparameter", StringComparison.Ordinal)
                                         && !e.Message.StartsWith(model.Origin.File, StringComparison.Ordinal))
        {
            // The trainers name the hyperparameter; the manifest it came from is known only here.
            throw new ScReproException($"{model.Origin.File}: key 'hyperparameters': {e.Message}", e.ExitCode, e);
        }
        clock.Stop();
        var provenance = ProvenanceCapture.Capture(ctx.Git,
            new Dictionary<string, long> { ["split"] = ctx.Experiment.Split.Seed, ["train"] = seed }, ctx.CommandLine,
            TrainerRegistry.LibtorchVersion(trainer), Hdf5Loader.Current.Describe());
        Json.WriteFile(Path.Combine(dir, "training_stats.json"),
            new TrainStats(Math.Round(clock.Elapsed.TotalSeconds, 3), null, outcome.Reason, outcome.Details, provenance));
    }
}
