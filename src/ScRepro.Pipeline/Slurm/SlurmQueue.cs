using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// Asks Slurm where array tasks stand: squeue first (it keeps finished jobs for MinJobAge with -t all), then sacct
/// for the tasks squeue no longer lists. sacct lags squeue by seconds and, with accounting_storage/none, only says
/// "accounting storage is disabled": <see cref="AccountingDisabled"/> then becomes true and callers fall back to the
/// result file each unit writes.
/// </summary>
public sealed class SlurmQueue(SlurmCommands tools)
{
    public bool AccountingDisabled { get; private set; }

    /// <summary>
    /// Every task of the given array jobs that squeue still lists, by task id (&lt;job&gt;_&lt;index&gt;); tasks not yet split
    /// off their array record (e.g. cancelled while pending) appear once under the plain array job id.
    /// </summary>
    public Dictionary<string, SlurmTaskStatus> Squeue(IReadOnlyCollection<string> jobIds)
    {
        var found = new Dictionary<string, SlurmTaskStatus>(StringComparer.Ordinal);
        if (jobIds.Count == 0) return found;
        var result = Retry(() => tools.Run("squeue", ["-h", "-r", "-t", "all", "-j", string.Join(',', jobIds), "-o", "%i|%T|%N|%P|%r"]),
            r => r.ExitCode == 0 || Unknown(r), "squeue");
        if (result.ExitCode != 0) return found; // none of the ids is known any more
        foreach (var status in Parse(result.Stdout)) found[status.TaskId] = status;
        return found;
    }

    /// <summary>The tasks sacct knows (one call); empty when accounting is disabled.</summary>
    public Dictionary<string, SlurmTaskStatus> Sacct(IReadOnlyCollection<string> taskIds)
    {
        var found = new Dictionary<string, SlurmTaskStatus>(StringComparer.Ordinal);
        if (taskIds.Count == 0 || AccountingDisabled) return found;
        var result = Retry(() => tools.Run("sacct", ["-X", "-n", "-P", "-j", string.Join(',', taskIds), "--format=JobID,State,NodeList,Partition"]),
            r => r.ExitCode == 0 || Disabled(r), "sacct");
        if (Disabled(result))
        {
            AccountingDisabled = true;
            return found;
        }
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            if (f.Length < 4) continue;
            found[f[0]] = new SlurmTaskStatus(f[0], f[1], Blank(f[2]), Blank(f[3]), null);
        }
        return found;
    }

    /// <summary>Job ids squeue lists under a job name (a submission whose sbatch answer was never recorded).</summary>
    public IReadOnlyList<string> JobsNamed(string name)
    {
        var result = Retry(() => tools.Run("squeue", ["-h", "-t", "all", "--name", name, "-o", "%A"]), r => r.ExitCode == 0, "squeue");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
    }

    /// <summary>squeue -o '%i|%T|%N|%P|%r' lines; a pending array not yet split into tasks ("12_[0-3%2]") is skipped.</summary>
    public static IEnumerable<SlurmTaskStatus> Parse(string squeueOutput)
    {
        foreach (var line in squeueOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            if (f.Length < 5 || f[0].Contains('[')) continue;
            yield return new SlurmTaskStatus(f[0], f[1], Blank(f[2]), Blank(f[3]), Blank(f[4]) is "None" ? null : Blank(f[4]));
        }
    }

    private static string? Blank(string s) => s.Length == 0 || s == "(null)" ? null : s;

    private static bool Unknown(SlurmCommandResult r) => r.Stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase);

    private static bool Disabled(SlurmCommandResult r) =>
        (r.Stderr + r.Stdout).Contains("accounting storage is disabled", StringComparison.OrdinalIgnoreCase);

    // slurmctld can be briefly unreachable (restart, overload): a few tries before the stage gives up.
    private static SlurmCommandResult Retry(Func<SlurmCommandResult> call, Func<SlurmCommandResult, bool> ok, string tool)
    {
        SlurmCommandResult last = null!;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            if (attempt > 0) Thread.Sleep(TimeSpan.FromSeconds(attempt));
            last = call();
            if (ok(last)) return last;
        }
        throw new ScReproException($"{tool} failed (exit {last.ExitCode}): {last.Message}");
    }
}
