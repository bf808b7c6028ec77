using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Core.Provenance;
using ScRepro.Pipeline.Stages;

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

    /// <summary>Loads the experiment's manifests and the git state; with <paramref name="release"/> refuses a dirty tree.</summary>
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
        return new RunContext(root, catalog, code, force, commandLine);
    }

    /// <summary>Runs a stage; returns how many units ran.</summary>
    public static int Run(RunContext ctx, string stage)
    {
        var s = Stage(stage);
        // Held from planning on: what a plan reads (the split, the lock) cannot change under it.
        using var held = RunLock.Acquire(ctx.Root, ctx.CommandLine);
        var units = PlanOrExplain(ctx, s);
        try
        {
            return StageRunner.Execute(ctx, s.Name, units);
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
