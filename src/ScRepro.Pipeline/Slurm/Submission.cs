namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// One job array as recorded in runs/&lt;exp&gt;/&lt;commit&gt;/slurm/&lt;stage&gt;/&lt;token&gt;/submission.json: written before
/// sbatch runs (so a crash right after it can still find the job by <see cref="JobName"/>) and again with the job id.
/// Each array task reads its unit here by SLURM_ARRAY_TASK_ID; a later run adopts tasks still queued or running
/// instead of submitting them twice. <see cref="Environment"/> holds what the plan depended on that a node could see
/// differently (SCREPRO_TORCH_THREADS); each task sets it before planning its unit.
/// </summary>
public sealed record Submission(
    string Token,
    string Stage,
    string Experiment,
    string Root,
    bool Force,
    string CommandLine,
    string JobName,
    string? JobId,
    string SubmittedUtc,
    IReadOnlyList<SubmittedUnit> Units,
    IReadOnlyList<string> SbatchArgs,
    IReadOnlyDictionary<string, string> Environment)
{
    public string TaskId(int index) => $"{JobId}_{index}";
}

/// <summary>One array task's unit: its index in the array, its name, and the stamp key the submitter planned.</summary>
public sealed record SubmittedUnit(int Index, string Name, string StampKey);
