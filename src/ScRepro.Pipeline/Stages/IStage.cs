namespace ScRepro.Pipeline.Stages;

/// <summary>A DAG stage: plans its units from the experiment and what earlier stages wrote.</summary>
public interface IStage
{
    /// <summary>The CLI verb and stamp stage name: download, hash, split, train, evaluate, card.</summary>
    string Name { get; }

    IReadOnlyList<WorkUnit> Plan(RunContext ctx);
}
