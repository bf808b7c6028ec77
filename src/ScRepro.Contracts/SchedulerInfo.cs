namespace ScRepro.Contracts;

/// <summary>
/// Where a batch scheduler ran an output's unit: the Slurm job (and array task), node and partition
/// (captured by ScRepro.Core.Provenance.SchedulerCapture from the variables slurmd sets in every job).
/// </summary>
public sealed record SchedulerInfo(string Scheduler, string JobId, string? ArrayJobId, string? ArrayTaskId, string? Node, string? Partition)
{
    /// <summary>The task id as squeue and sacct print it: &lt;array job&gt;_&lt;task&gt;, or the plain job id.</summary>
    public string TaskId => ArrayJobId is not null && ArrayTaskId is not null ? $"{ArrayJobId}_{ArrayTaskId}" : JobId;
}
