using ScRepro.AnnData;
using ScRepro.Core.Errors;
using ScRepro.Pipeline;
using ScRepro.Pipeline.Evaluation;
using ScRepro.Pipeline.Training;
using ScRepro.Splits.Files;

namespace ScRepro.Audit.Checks;

/// <summary>
/// What levels C and D share: the experiment opened as the pipeline opens it, its data file, the folder's split, and
/// the project's own evaluator run on a predictions folder (into a temporary folder that is removed afterwards).
/// </summary>
public sealed class EvaluationRunner
{
    private EvaluationRunner(RunContext context, AnnData.AnnData data, SplitMembers split)
    {
        Context = context;
        Data = data;
        Split = split;
    }

    public RunContext Context { get; }
    public AnnData.AnnData Data { get; }
    public SplitMembers Split { get; }

    /// <summary>The runner, or why evaluation is impossible here (a missing input, never a pass).</summary>
    public static (EvaluationRunner? Runner, string? Why) Prepare(AuditInputs inputs)
    {
        if (inputs.Catalog is not { } catalog) return (null, inputs.CatalogError ?? "no --experiment (and no screpro.experiment on the card): no data or split to evaluate against");
        if (inputs.File("split.json") is null) return (null, "no split.json in the folder: the test set is unknown");
        var ctx = PipelineSession.Open(inputs.ProjectRoot, catalog.Experiment.Id, force: false, release: false, inputs.Options.CommandLine);
        var dataFile = ctx.DataFile(ctx.Experiment.File);
        if (!File.Exists(dataFile))
            return (null, $"data file {Path.GetRelativePath(inputs.ProjectRoot, dataFile)} is not here (./build.sh --target=Hash --experiment={catalog.Experiment.Id} fetches and pins it)");
        SplitFile split;
        try
        {
            split = SplitFiles.Read(inputs.FullPath("split.json"));
        }
        catch (ScReproException e)
        {
            return (null, e.Message);
        }
        var members = new SplitMembers(split.Train, split.Val, split.Test, split.MembershipHash, split.Policy,
            $"{split.Train.Count} train / {split.Val.Count} val / {split.Test.Count} test");
        return (new EvaluationRunner(ctx, AnnDataFile.Read(dataFile), members), null);
    }

    /// <summary>The evaluator's metrics for the predictions in <paramref name="predictionsDir"/>.</summary>
    public IReadOnlyList<MetricStats> Evaluate(string predictionsDir)
    {
        var evaluator = EvaluatorRegistry.For(Context.Experiment.Task);
        var scratch = Directory.CreateTempSubdirectory("screpro-audit-eval-").FullName;
        try
        {
            return evaluator.Evaluate(new EvalRequest(Context, Data, Split, predictionsDir, scratch)).Metrics;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
