using ScRepro.Contracts;

namespace ScRepro.Core.Provenance;

/// <summary>Reads this process's Slurm job from the variables slurmd sets in every job; null outside one.</summary>
public static class SchedulerCapture
{
    public static SchedulerInfo? Current()
    {
        var job = Environment.GetEnvironmentVariable("SLURM_JOB_ID");
        if (string.IsNullOrEmpty(job)) return null;
        return new SchedulerInfo("slurm", job, Variable("SLURM_ARRAY_JOB_ID"), Variable("SLURM_ARRAY_TASK_ID"),
            Variable("SLURMD_NODENAME"), Variable("SLURM_JOB_PARTITION"));
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
