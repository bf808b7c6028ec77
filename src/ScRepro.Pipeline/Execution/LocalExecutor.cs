using ScRepro.Terminal;

namespace ScRepro.Pipeline.Execution;

/// <summary>Runs the units one after another in this process (the default): the first failure stops the stage.</summary>
public sealed class LocalExecutor : IUnitExecutor
{
    public static readonly LocalExecutor Instance = new();

    public string Name => "local";

    public void Run(RunContext ctx, string stage, IReadOnlyList<StaleUnit> units)
    {
        foreach (var u in units)
        {
            Output.Info($"run  {stage} {u.Unit.Name}: {u.Reason}");
            StageRunner.RunInto(ctx, u.Unit, u.Stamp);
        }
    }
}
