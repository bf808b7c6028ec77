namespace ScRepro.Core.Provenance;

/// <summary>
/// Where a batch scheduler ran an output's unit: the Slurm job (and array task), node and partition, read from the
/// variables slurmd sets in every job. Null outside a job, so a local run's outputs are unchanged.
/// </summary>
public sealed record SchedulerInfo(string Scheduler, string JobId, string? ArrayJobId, string? ArrayTaskId, string? Node, string? Partition)
{
    /// <summary>The task id as squeue and sacct print it: &lt;array job&gt;_&lt;task&gt;, or the plain job id.</summary>
    public string TaskId => ArrayJobId is not null && ArrayTaskId is not null ? $"{ArrayJobId}_{ArrayTaskId}" : JobId;

    /// <summary>This process's Slurm job, or null when it is not running inside one.</summary>
    public static SchedulerInfo? Current()
    {
        var job = Environment.GetEnvironmentVariable("SLURM_JOB_ID");
        if (string.IsNullOrEmpty(job)) return null;
        return new SchedulerInfo("slurm", job, Variable("SLURM_ARRAY_JOB_ID"), Variable("SLURM_ARRAY_TASK_ID"),
            Variable("SLURMD_NODENAME"), Variable("SLURM_JOB_PARTITION"));
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
