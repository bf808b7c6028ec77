// The typed state every task reads: arguments, paths and how to reach the screpro CLI.
public sealed class PipelineContext
{
    // The target this run was asked for (--target): tasks decide by it, not by a script global.
    public string Target { get; init; }
    public string Experiment { get; init; }
    public bool Force { get; init; }
    public bool Release { get; init; }
    public string Configuration { get; init; }
    public bool ExperimentGiven { get; init; }
    public string Model { get; init; }
    public string FailOn { get; init; }
    // Where Train and Evaluate units run: local (default) or slurm (job arrays; see README "Running on a Slurm cluster").
    public string Executor { get; init; }
    public string SlurmConfig { get; init; }
    public DirectoryPath Root { get; init; }
    // Where the build puts what the tasks run: the one place these paths are spelled.
    public FilePath CliDll => Root.CombineWithFilePath($"src/ScRepro.Cli/bin/{Configuration}/net10.0/screpro.dll");
    public FilePath BenchDll => Root.CombineWithFilePath($"bench/ScRepro.Bench/bin/{Configuration}/net10.0/ScRepro.Bench.dll");

    public static PipelineContext From(ISetupContext ctx)
    {
        var executor = ctx.Argument("executor", "local");
        if (executor != "local" && executor != "slurm") throw new Exception($"--executor={executor}: use local or slurm");
        return Make(ctx);
    }

    private static PipelineContext Make(ISetupContext ctx) => new PipelineContext
    {
        Target = ctx.Argument("target", "Card"),
        Experiment = ctx.Argument("experiment", "demo"),
        Force = ctx.HasArgument("force") && ctx.Argument("force", true),
        Release = ctx.HasArgument("release") && ctx.Argument("release", true),
        Configuration = ctx.Argument("configuration", "Release"),
        ExperimentGiven = ctx.HasArgument("experiment"),
        Model = ctx.Argument("model", ""),
        FailOn = ctx.Argument("fail-on", ""),
        Executor = ctx.Argument("executor", "local"),
        SlurmConfig = ctx.Argument<string>("slurm-config", null),
        Root = ctx.MakeAbsolute(ctx.Directory(".")),
    };
}
