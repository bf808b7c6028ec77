using ScRepro.Contracts;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// result-&lt;index&gt;.json, written by an array task as it ends (not when it is killed): the exit code and error the
/// submitter shows. The unit's own stamp decides success; this file also stands in for Slurm's state once a job has
/// left squeue on a cluster without accounting.
/// </summary>
public sealed record UnitResult(string Unit, int ExitCode, string? Error, SchedulerInfo? Scheduler, string FinishedUtc);
