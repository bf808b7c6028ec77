using System.Globalization;
using System.Runtime.InteropServices;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Pipeline.Execution;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// Runs a stage's stale units as Slurm job arrays, one array per distinct resource request (tasks of one array share
/// its resources), each task `screpro unit` for one unit in the same checkout. It first adopts tasks of earlier
/// submissions that are still queued or running for the same unit and stamp (a submitter that crashed or was killed),
/// then submits the rest, then waits: squeue, then sacct (retried: it lags), then the task's own result file and stamp.
/// The job state decides failures such as a time-out; a unit counts as done only when its stamp matches.
/// Ctrl-C, SIGTERM or any error while submitting or waiting cancels every task it is waiting for (scancel).
/// A failing unit does not cancel the others: they finish and keep their outputs, then the stage fails naming it.
/// </summary>
public sealed class SlurmExecutor(SlurmSettings settings, UnitCommand command, SlurmCommands tools) : IUnitExecutor
{
    private const int LogTailLines = 20;

    public string Name => "slurm";

    public void Run(RunContext ctx, string stage, IReadOnlyList<StaleUnit> units)
    {
        var store = new SubmissionStore(ctx, stage);
        var queue = new SlurmQueue(tools);
        var tracked = new List<TrackedTask>();
        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; cancel.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });
        try
        {
            var rest = Adopt(store, queue, units, tracked);
            foreach (var group in rest.GroupBy(Request))
            {
                cancel.Token.ThrowIfCancellationRequested();
                tracked.AddRange(Submit(ctx, stage, store, group.ToList(), group.Key.Resources, group.Key.TorchThreads));
            }
            Wait(stage, queue, tracked, cancel.Token);
        }
        catch (Exception e)
        {
            var cancelled = CancelUnfinished(tracked);
            if (e is OperationCanceledException)
                throw new ScReproException($"{stage}: interrupted{(cancelled.Count > 0 ? $"; cancelled Slurm task(s) {string.Join(", ", cancelled)}" : "")}", 130);
            if (cancelled.Count > 0) Output.Info($"{stage}: cancelled Slurm task(s) {string.Join(", ", cancelled)} after: {e.Message}");
            throw;
        }
        var failed = tracked.Where(t => t.Phase == TaskPhase.Failed).ToList();
        if (failed.Count > 0)
            throw new ScReproException($"{stage}: {failed.Count} of {tracked.Count} unit(s) failed on Slurm (the others kept their outputs):\n"
                                       + string.Join("\n", failed.Select(Report)), 1);
    }

    /// <summary>Tasks of earlier submissions still queued or running for a stale unit with the same stamp; returns the units left.</summary>
    private static List<StaleUnit> Adopt(SubmissionStore store, SlurmQueue queue, IReadOnlyList<StaleUnit> units, List<TrackedTask> tracked)
    {
        var rest = units.ToList();
        foreach (var recorded in store.All())
        {
            var submission = recorded;
            if (submission.JobId is null)
            {
                // The submitter died between sbatch and recording its answer: the job name finds it.
                var named = queue.JobsNamed(submission.JobName);
                if (named.Count != 1) continue;
                submission = submission with { JobId = named[0] };
                store.Save(submission);
            }
            var live = queue.Squeue([submission.JobId!]);
            foreach (var entry in submission.Units)
            {
                var match = rest.FirstOrDefault(u => u.Unit.Name == entry.Name && u.Stamp.Key == entry.StampKey);
                if (match is null || !live.TryGetValue(submission.TaskId(entry.Index), out var status)) continue;
                if (status.Phase is not (TaskPhase.Queued or TaskPhase.Running)) continue;
                rest.Remove(match);
                tracked.Add(new TrackedTask(submission, entry, match, store.Folder(submission)) { Phase = status.Phase, Last = status });
                Output.Info($"wait {submission.Stage} {entry.Name}: already submitted as Slurm task {submission.TaskId(entry.Index)} ({status.State})");
            }
        }
        return rest;
    }

    /// <summary>
    /// What a unit asks Slurm for: its manifest's resources and, for a libtorch unit, the thread count its stamp keys
    /// (the task trains with that many threads, so it gets that many CPUs unless the manifest says how many).
    /// </summary>
    private static (ModelResources Resources, string? TorchThreads) Request(StaleUnit u)
    {
        var threads = u.Stamp.Inputs.GetValueOrDefault("env:torch_threads");
        var resources = u.Unit.Resources ?? ModelResources.None;
        if (threads is not null && resources.Cpus is null)
            resources = resources with { Cpus = long.Parse(threads, CultureInfo.InvariantCulture) };
        return (resources, threads);
    }

    private IEnumerable<TrackedTask> Submit(RunContext ctx, string stage, SubmissionStore store, List<StaleUnit> group,
        ModelResources resources, string? torchThreads)
    {
        var token = SubmissionStore.NewToken();
        var entries = group.Select((u, i) => new SubmittedUnit(i, u.Unit.Name, u.Stamp.Key)).ToList();
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (torchThreads is not null) environment[Training.TrainerRegistry.TorchThreadsVariable] = torchThreads;
        var submission = new Submission(token, stage, ctx.Experiment.Id, ctx.Root, ctx.Force, ctx.CommandLine,
            $"screpro-{ctx.Experiment.Id}-{stage}-{token}", null,
            DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), entries, settings.SbatchArgs, environment);
        store.Save(submission);
        var folder = store.Folder(submission);
        var script = Path.Combine(folder, "job.sh");
        File.WriteAllText(script, JobScript.Text(stage, command.Words, store.FileOf(submission)));
        var args = JobScript.SbatchArguments(submission.JobName, entries.Count, Math.Min(settings.Throttle, entries.Count), folder,
            ctx.Root, settings.SbatchArgs, resources, script);
        var result = tools.Run("sbatch", args, new Dictionary<string, string> { [ArrayTask.LockTokenVariable] = token });
        var id = result.Stdout.Trim().Split(';')[0]; // --parsable: "<id>" or "<id>;<cluster>"
        if (result.ExitCode != 0 || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new ScReproException($"{stage}: sbatch refused the array of {string.Join(", ", entries.Select(e => e.Name))} (exit {result.ExitCode}): {result.Message}");
        submission = submission with { JobId = id };
        store.Save(submission);
        var asked = JobScript.ResourceArguments(resources);
        Output.Info($"submitted {stage}: Slurm job {id}, {entries.Count} unit(s) ({string.Join(", ", entries.Select(e => e.Name))})"
                    + (asked.Count > 0 ? $" with {string.Join(' ', asked)}" : ""));
        return group.Select((u, i) => new TrackedTask(submission, entries[i], u, folder));
    }

    private void Wait(string stage, SlurmQueue queue, List<TrackedTask> tracked, CancellationToken cancel)
    {
        if (tracked.Count == 0) return;
        var jobs = string.Join(", ", tracked.Select(t => t.Submission.JobId).Distinct());
        Output.WithStatus($"{stage}: waiting for Slurm job(s) {jobs}", update =>
        {
            while (true)
            {
                Poll(stage, queue, tracked);
                var counts = tracked.GroupBy(t => t.Phase).ToDictionary(g => g.Key, g => g.Count());
                int N(TaskPhase p) => counts.GetValueOrDefault(p);
                update($"{stage} on Slurm (job {jobs}): {N(TaskPhase.Queued)} queued, {N(TaskPhase.Running)} running, {N(TaskPhase.Done)} done, {N(TaskPhase.Failed)} failed");
                if (tracked.All(t => t.Final)) return 0;
                if (cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(settings.PollSeconds))) cancel.ThrowIfCancellationRequested();
            }
        });
    }

    private void Poll(string stage, SlurmQueue queue, List<TrackedTask> tracked)
    {
        var open = tracked.Where(t => !t.Final).ToList();
        var seen = queue.Squeue(open.Select(t => t.Submission.JobId!).Distinct().ToList());
        var missing = open.Where(t => !seen.ContainsKey(t.TaskId)).ToList();
        foreach (var (id, status) in queue.Sacct(missing.Select(t => t.TaskId).ToList())) seen.TryAdd(id, status);
        foreach (var t in open)
        {
            // A task never split off its array (still pending when cancelled) is listed as the plain array job id.
            if (seen.TryGetValue(t.TaskId, out var status) || seen.TryGetValue(t.Submission.JobId!, out status))
            {
                t.Last = status;
                Settle(stage, t, status.Phase);
            }
            else
            {
                // In neither squeue nor sacct: sacct may lag, or accounting is off and MinJobAge has passed.
                // The task's result file is then the record; without one, give it result_wait_s.
                var result = SubmissionStore.ReadResult(t.Folder, t.Entry.Index);
                if (result is not null) Settle(stage, t, result.ExitCode == 0 ? TaskPhase.Done : TaskPhase.Failed);
                else if (Expired(t)) Fail(stage, t, $"left the queue with no {(queue.AccountingDisabled ? "result file (accounting is disabled)" : "accounting record or result file")}");
            }
        }
    }

    /// <summary>Applies a phase: Done only once the unit's stamp matches (shared filesystems can show files late).</summary>
    private void Settle(string stage, TrackedTask t, TaskPhase phase)
    {
        switch (phase)
        {
            case TaskPhase.Queued or TaskPhase.Running:
                t.Phase = phase;
                return;
            case TaskPhase.Failed:
                Fail(stage, t, Describe(t));
                return;
        }
        Directory.GetFiles(Path.GetDirectoryName(t.Unit.Unit.OutputDir) ?? "."); // a listing refreshes NFS attribute caches
        if (StageRunner.Staleness(t.Unit.Unit, t.Unit.Stamp) is not { } why)
        {
            t.Phase = TaskPhase.Done;
            var where = t.Last?.Node is { } node ? $" on {node}{(t.Last.Partition is { } p ? $" ({p})" : "")}" : "";
            Output.Info($"done {stage} {t.Unit.Unit.Name}: Slurm task {t.TaskId}{where}");
        }
        else if (Expired(t))
            Fail(stage, t, $"{Describe(t)}, but its outputs are not up to date after {settings.ResultWaitSeconds:0} s ({why})");
        else
            t.Phase = TaskPhase.Running;
    }

    private bool Expired(TrackedTask t)
    {
        t.WaitingSince ??= DateTime.UtcNow;
        return DateTime.UtcNow - t.WaitingSince.Value >= TimeSpan.FromSeconds(settings.ResultWaitSeconds);
    }

    private static void Fail(string stage, TrackedTask t, string why)
    {
        t.Phase = TaskPhase.Failed;
        t.Failure = why;
        Output.Info($"FAILED {stage} {t.Unit.Unit.Name}: Slurm task {t.TaskId} {why}");
    }

    private static string Describe(TrackedTask t)
    {
        if (t.Last is not { } s) return "finished";
        var text = s.State;
        if (s.Reason is { } r) text += $" ({r})";
        if (s.State.StartsWith("TIMEOUT", StringComparison.Ordinal)) text += ": it ran past its time limit";
        if (s.Node is { } n) text += $" on {n}";
        return text;
    }

    /// <summary>A failed unit for the stage's error: its task, why, the error it recorded, and the tail of its log.</summary>
    private static string Report(TrackedTask t)
    {
        var lines = new List<string> { $"- {t.Unit.Unit.Name}: Slurm task {t.TaskId} {t.Failure}" };
        if (SubmissionStore.ReadResult(t.Folder, t.Entry.Index) is { Error: { } error }) lines.Add($"  error: {error}");
        if (File.Exists(t.LogPath))
        {
            var tail = File.ReadAllLines(t.LogPath).TakeLast(LogTailLines).ToList();
            lines.Add($"  last {tail.Count} line(s) of {t.LogPath}:");
            lines.AddRange(tail.Select(l => "    " + l));
        }
        else lines.Add($"  no log at {t.LogPath}");
        return string.Join("\n", lines);
    }

    /// <summary>scancel for every task not yet finished; returns their ids.</summary>
    private List<string> CancelUnfinished(List<TrackedTask> tracked)
    {
        var ids = tracked.Where(t => !t.Final && t.Submission.JobId is not null).Select(t => t.TaskId).ToList();
        if (ids.Count == 0) return ids;
        try
        {
            var result = tools.Run("scancel", ids);
            if (result.ExitCode != 0) Output.Info($"scancel {string.Join(' ', ids)} failed (exit {result.ExitCode}): {result.Message}");
        }
        catch (ScReproException e)
        {
            Output.Info($"scancel {string.Join(' ', ids)}: {e.Message}");
        }
        return ids;
    }
}
