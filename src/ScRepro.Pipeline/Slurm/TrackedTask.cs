using ScRepro.Pipeline.Execution;

namespace ScRepro.Pipeline.Slurm;

/// <summary>One unit the executor waits for: its array task, the last state seen, and (once final) its outcome.</summary>
internal sealed class TrackedTask(Submission submission, SubmittedUnit entry, StaleUnit unit, string folder)
{
    public Submission Submission { get; } = submission;
    public SubmittedUnit Entry { get; } = entry;
    public StaleUnit Unit { get; } = unit;
    public string Folder { get; } = folder;
    public string TaskId => Submission.TaskId(Entry.Index);
    public string LogPath => SubmissionStore.LogPath(Folder, TaskId);

    public TaskPhase Phase { get; set; } = TaskPhase.Queued;
    public SlurmTaskStatus? Last { get; set; }

    /// <summary>When the task was first found in neither squeue nor sacct, or finished without its outputs showing.</summary>
    public DateTime? WaitingSince { get; set; }

    /// <summary>Why it failed (state, reason, error), once <see cref="Phase"/> is Failed.</summary>
    public string? Failure { get; set; }

    public bool Final => Phase is TaskPhase.Done or TaskPhase.Failed;
}
