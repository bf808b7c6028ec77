namespace ScRepro.Pipeline.Slurm;

/// <summary>Where an array task stands: the counts the stage shows while it waits.</summary>
public enum TaskPhase
{
    Queued,
    Running,
    Done,
    Failed,
}
