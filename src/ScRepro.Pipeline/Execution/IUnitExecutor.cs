namespace ScRepro.Pipeline.Execution;

/// <summary>
/// Where a stage's stale units run. The stage runner decides what is stale; an executor only makes those units'
/// outputs and stamps (<see cref="StageRunner.RunInto"/>), here (<see cref="LocalExecutor"/>) or as scheduler jobs
/// (<see cref="Slurm.SlurmExecutor"/>). It returns when every unit is done and throws when any failed.
/// </summary>
public interface IUnitExecutor
{
    /// <summary>The --executor value: local or slurm.</summary>
    string Name { get; }

    void Run(RunContext ctx, string stage, IReadOnlyList<StaleUnit> units);
}
