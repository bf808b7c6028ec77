using ScRepro.Contracts;
using ScRepro.AnnData;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Core.Provenance;
using ScRepro.Hdf5;
using ScRepro.Pipeline.Evaluation;
using ScRepro.Pipeline.Stamps;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Evaluate: one unit per model × seed in runs/&lt;exp&gt;/&lt;commit&gt;/eval/&lt;model&gt;/seed&lt;k&gt;/, stamped with
/// the content hashes of the predictions and split file it reads and the data lock (so it re-runs exactly when that
/// model's predictions changed, whether re-trained or replaced).
/// </summary>
public sealed class EvaluateStage : IStage
{
    public string Name => "evaluate";

    public static string UnitDir(RunContext ctx, string model, long seed) =>
        Path.Combine(ctx.RunDir, "eval", model, $"seed{seed}");

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var lockHash = HashStage.ReadVerifiedLock(ctx).LockSha256;
        var split = SplitFileView.Read(ctx);
        var exp = ctx.Experiment;
        var evaluator = EvaluatorRegistry.For(exp.Task);
        var data = new Lazy<AnnData.AnnotatedData>(() => AnnDataFile.Read(ctx.DataFile(exp.File)));
        var units = new List<WorkUnit>();
        foreach (var model in ctx.Catalog.Models)
        {
            foreach (var seed in exp.Seeds)
            {
                var trainDir = TrainStage.UnitDir(ctx, model.Id, seed);
                if (StampStore.Read(trainDir) is null)
                    throw new UpstreamMissingException($"{model.Id}/seed{seed} is not trained ({Path.GetRelativePath(ctx.Root, trainDir)})");
                var inputs = new Dictionary<string, string>
                {
                    ["split_membership"] = split.MembershipHash,
                    ["data_lock"] = lockHash,
                };
                var predictions = TrainStage.PredictionFile(model.Task);
                var (m, s) = (model.Id, seed);
                units.Add(new WorkUnit(Name, $"{model.Id}/seed{seed}", UnitDir(ctx, model.Id, seed), inputs,
                    [.. evaluator.Outputs, "summary.json"],
                    tmp => Evaluate(ctx, evaluator, m, s, data.Value, split, trainDir, tmp), ctx.RunDir,
                    Consumes: new Dictionary<string, string>
                    {
                        ["train:" + predictions] = Path.Combine(trainDir, predictions),
                        ["split.json"] = SplitFileView.PathFor(ctx),
                    }));
            }
        }
        return units;
    }

    private static void Evaluate(RunContext ctx, IEvaluator evaluator, string model, long seed, AnnData.AnnotatedData data,
        SplitMembers split, string trainDir, string dir)
    {
        var (metrics, notes) = evaluator.Evaluate(new EvalRequest(ctx, data, split, trainDir, dir));
        var missing = ctx.Experiment.Metrics.Where(name => metrics.All(x => x.Name != name)).ToList();
        if (missing.Count > 0)
            throw new ScReproException($"{ctx.Experiment.Origin.File}: key 'metrics': not computed for a {ctx.Experiment.Task.Name()} task: {string.Join(", ", missing)}");
        var provenance = ProvenanceCapture.Capture(ctx.Git,
            new Dictionary<string, long> { ["split"] = ctx.Experiment.Split.Seed, ["train"] = seed }, ctx.CommandLine,
            hdf5Library: Hdf5Loader.Current.Describe());
        Json.WriteFile(Path.Combine(dir, "summary.json"), new EvalSummary(ctx.Experiment.Task, model, seed, metrics, notes, provenance));
    }

    public static EvalSummary ReadSummary(RunContext ctx, string model, long seed)
    {
        var path = Path.Combine(UnitDir(ctx, model, seed), "summary.json");
        if (!File.Exists(path)) throw new UpstreamMissingException($"{model}/seed{seed} is not evaluated");
        return Json.Deserialize<EvalSummary>(File.ReadAllText(path));
    }
}
