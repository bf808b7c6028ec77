namespace ScRepro.Pipeline.Stages;

/// <summary>Splits: makes runs/&lt;exp&gt;/&lt;commit&gt;/splits/split.json from the experiment's split policy.</summary>
public sealed class SplitStage : IStage
{
    public string Name => "split";

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx) => throw new NotImplementedException("split stage: wired when ScRepro.Splits lands");
}
