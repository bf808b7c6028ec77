// The typed state every task reads: arguments, paths and how to reach the screpro CLI.
public sealed class PipelineContext
{
    public string Experiment { get; init; }
    public bool Force { get; init; }
    public bool Release { get; init; }
    public string Configuration { get; init; }
    public bool ExperimentGiven { get; init; }
    public string Model { get; init; }
    public string FailOn { get; init; }
    public DirectoryPath Root { get; init; }
    public FilePath CliDll => Root.CombineWithFilePath($"src/ScRepro.Cli/bin/{Configuration}/net10.0/screpro.dll");

    public static PipelineContext From(ISetupContext ctx) => new PipelineContext
    {
        Experiment = ctx.Argument("experiment", "demo"),
        Force = ctx.HasArgument("force") && ctx.Argument("force", true),
        Release = ctx.HasArgument("release") && ctx.Argument("release", true),
        Configuration = ctx.Argument("configuration", "Release"),
        ExperimentGiven = ctx.HasArgument("experiment"),
        Model = ctx.Argument("model", ""),
        FailOn = ctx.Argument("fail-on", ""),
        Root = ctx.MakeAbsolute(ctx.Directory(".")),
    };
}
