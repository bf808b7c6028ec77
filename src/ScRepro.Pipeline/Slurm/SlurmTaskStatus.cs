namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// One array task as squeue or sacct reports it: id (&lt;job&gt;_&lt;index&gt;), state name, node, partition, reason.
/// The state decides the outcome (a time-out shows exit code 0:15 in scontrol but 0:0 in jobcomp: codes are not trusted).
/// </summary>
public sealed record SlurmTaskStatus(string TaskId, string State, string? Node, string? Partition, string? Reason)
{
    public TaskPhase Phase => PhaseOf(State);

    /// <summary>Slurm's job state names (squeue %T, sacct State, whose "CANCELLED by 0" keeps only the first word).</summary>
    public static TaskPhase PhaseOf(string state) => state.Split(' ', 2)[0].TrimEnd('+') switch
    {
        "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "RESV_DEL_HOLD" => TaskPhase.Queued,
        "COMPLETED" => TaskPhase.Done,
        // Terminal failures; jobs go in with --no-requeue, so a pre-empted one does not come back by itself.
        "FAILED" or "CANCELLED" or "TIMEOUT" or "NODE_FAIL" or "BOOT_FAIL" or "DEADLINE" or "OUT_OF_MEMORY"
            or "PREEMPTED" or "REVOKED" or "SPECIAL_EXIT" => TaskPhase.Failed,
        // RUNNING, CONFIGURING, COMPLETING, SUSPENDED, STOPPED, SIGNALING, STAGE_OUT, RESIZING, and any newer name:
        // not finished, so keep waiting.
        _ => TaskPhase.Running,
    };
}
