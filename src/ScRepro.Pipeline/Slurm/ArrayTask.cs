using System.Globalization;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Contracts;
using ScRepro.Core.Provenance;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// What one array task runs (`screpro unit --submission …`): the unit at SLURM_ARRAY_TASK_ID in the submission,
/// opened with the submitter's experiment, flags and command line, so its outputs and provenance are a local run's
/// (plus the job). It refuses a stamp other than the one planned, and records its exit code and error for the submitter.
/// </summary>
public static class ArrayTask
{
    /// <summary>The variable the submitter's run lock token travels in, so a task may work under the submitter's lock.</summary>
    public const string LockTokenVariable = "SCREPRO_RUN_LOCK_TOKEN";

    public static int Run(string submissionFile, int? index)
    {
        if (!File.Exists(submissionFile)) throw new ScReproException($"{submissionFile}: submission not found");
        var submission = SubmissionStore.Read(submissionFile);
        var i = index ?? (int.TryParse(Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            ? t
            : throw new ScReproException($"{submissionFile}: no --index and SLURM_ARRAY_TASK_ID is not set (this runs as a Slurm array task)"));
        var unit = submission.Units.FirstOrDefault(u => u.Index == i)
                   ?? throw new ScReproException($"{submissionFile}: no unit at index {i} (0 to {submission.Units.Count - 1})");
        var folder = SubmissionStore.FolderOf(submissionFile);
        try
        {
            // The submitter planned the stamp with its torch thread count; the task trains with the same (it asked
            // Slurm for that many CPUs), so the numbers and the stamp are those of the plan on any node.
            foreach (var (name, value) in submission.Environment) Environment.SetEnvironmentVariable(name, value);
            var ctx = PipelineSession.Open(submission.Root, submission.Experiment, submission.Force, release: false, submission.CommandLine);
            using var delegated = Environment.GetEnvironmentVariable(LockTokenVariable) == submission.Token ? RunLock.Delegate(ctx.Root) : null;
            PipelineSession.RunUnit(ctx, submission.Stage, unit.Name, unit.StampKey);
            Record(folder, i, new UnitResult(unit.Name, 0, null, SchedulerCapture.Current(), Now()));
            return 0;
        }
        catch (Exception e)
        {
            var code = e is ScReproException s ? s.ExitCode : 1;
            Record(folder, i, new UnitResult(unit.Name, code, e is ScReproException ? e.Message : e.ToString(), SchedulerCapture.Current(), Now()));
            throw;
        }
    }

    private static void Record(string folder, int index, UnitResult result) => Json.WriteFile(SubmissionStore.ResultPath(folder, index), result);

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
