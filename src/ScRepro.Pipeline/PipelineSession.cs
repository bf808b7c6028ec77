using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Terminal;
using ScRepro.Core.Provenance;
using ScRepro.Pipeline.Execution;
using ScRepro.Pipeline.Stages;
using ScRepro.Pipeline.Stamps;

namespace ScRepro.Pipeline;

/// <summary>Entry point of the stage commands: opens an experiment and runs or checks one stage.</summary>
public static class PipelineSession
{
    public static readonly IReadOnlyList<IStage> Stages =
    [
        new DownloadStage(), new HashStage(), new SplitStage(), new TrainStage(), new EvaluateStage(), new CardStage(),
    ];

    public static IStage Stage(string name) =>
        Stages.FirstOrDefault(s => s.Name == name)
        ?? throw new ScReproException($"unknown stage '{name}' (stages: {string.Join(", ", Stages.Select(s => s.Name))})");

    /// <summary>
    /// Loads the experiment's manifests and the git state, read here once for the whole run (stamps and provenance
    /// blocks alike); with <paramref name="release"/> refuses a dirty tree.
    /// </summary>
    public static RunContext Open(string root, string experiment, bool force, bool release, string commandLine)
    {
        root = Path.GetFullPath(root);
        var git = GitInfo.Read(root);
        if (release && (git.Dirty || !git.IsRepository))
            throw new ScReproException(git.IsRepository
                ? $"--release refuses a dirty working tree ({git.DirtyPaths.Count} changed: {string.Join(", ", git.DirtyPaths.Take(5))}{(git.DirtyPaths.Count > 5 ? ", …" : "")}); commit or stash first"
                : "--release needs a git checkout (the commit goes into every output)");
        var catalog = ManifestCatalog.Load(Path.Combine(root, "manifests"), experiment);
        var code = CodeState.Create(root, git.Commit, git.ShortCommit, git.Branch, git.Describe, git.Dirty, git.DirtyPaths);
        return new RunContext(root, catalog, code, force, commandLine, git);
    }

    /// <summary>
    /// The stages whose units may run as scheduler jobs: each unit is a model × seed and costs minutes to hours.
    /// The others stay where Cake runs (downloads need the network a compute node often lacks; the rest take seconds).
    /// </summary>
    public static readonly IReadOnlyList<string> Distributable = ["train", "evaluate"];

    /// <summary>Runs a stage; returns how many units ran. <paramref name="executor"/> null: here, one after another.</summary>
    public static int Run(RunContext ctx, string stage, IUnitExecutor? executor = null)
    {
        var s = Stage(stage);
        if (executor is not null and not LocalExecutor && !Distributable.Contains(s.Name))
            throw new ScReproException($"--executor={executor.Name} applies to {string.Join(" and ", Distributable)}; {s.Name} runs locally");
        // Held from planning on: what a plan reads (the split, the lock) cannot change under it. A Slurm submitter
        // holds it while its array runs; the array's tasks run under that hold (RunLock.Delegate).
        using var held = RunLock.Acquire(ctx.Root, ctx.CommandLine);
        var units = PlanOrExplain(ctx, s);
        try
        {
            return StageRunner.Execute(ctx, s.Name, units, executor);
        }
        catch (UpstreamMissingException e)
        {
            throw Explain(s, e);
        }
    }

    /// <summary>
    /// Runs one planned unit of a stage, by name, here (a Slurm array task runs this). With
    /// <paramref name="expectedKey"/> it refuses to run when the stamp it would write differs from the one the submitter
    /// planned (the checkout or an input changed since). Without --force an up-to-date unit is skipped. True when it ran.
    /// Takes the tree's run lock unless this process already holds it or runs under its submitter's (a delegate).
    /// </summary>
    public static bool RunUnit(RunContext ctx, string stage, string unitName, string? expectedKey = null)
    {
        var s = Stage(stage);
        using var held = RunLock.IsHeld(ctx.Root) ? null : RunLock.Acquire(ctx.Root, ctx.CommandLine);
        var units = PlanOrExplain(ctx, s);
        var unit = units.FirstOrDefault(u => u.Name == unitName)
                   ?? throw new ScReproException($"{s.Name}: no unit '{unitName}' in experiment {ctx.Experiment.Id} (units: {string.Join(", ", units.Select(u => u.Name))})");
        try
        {
            var stamp = StageRunner.StampFor(unit, ctx);
            if (expectedKey is not null && stamp.Key != expectedKey)
                throw new ScReproException($"{s.Name} {unitName}: its stamp is {stamp.Key[..12]} here but {expectedKey[..Math.Min(12, expectedKey.Length)]} when it was submitted: the checkout or an input changed since; run the stage again");
            var why = ctx.Force ? "forced (--force)" : StageRunner.Staleness(unit, stamp);
            if (why is null)
            {
                Output.Info($"skip {s.Name} {unitName}: up to date");
                return false;
            }
            Output.Info($"run  {s.Name} {unitName}: {why}");
            StageRunner.RunInto(ctx, unit, stamp);
            return true;
        }
        catch (UpstreamMissingException e)
        {
            throw Explain(s, e);
        }
    }

    /// <summary>Null when the stage is up to date, else why not.</summary>
    public static string? Status(RunContext ctx, string stage)
    {
        try
        {
            return StageRunner.Status(ctx, Stage(stage).Plan(ctx));
        }
        catch (UpstreamMissingException e)
        {
            return e.Message;
        }
    }

    private static IReadOnlyList<WorkUnit> PlanOrExplain(RunContext ctx, IStage s)
    {
        try
        {
            return s.Plan(ctx);
        }
        catch (UpstreamMissingException e)
        {
            throw Explain(s, e);
        }
    }

    private static ScReproException Explain(IStage s, UpstreamMissingException e) =>
        new($"{s.Name}: {e.Message}; run the earlier stages first (./build.sh --target=Card runs them in order)");
}
