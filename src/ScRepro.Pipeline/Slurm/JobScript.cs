using System.Globalization;
using System.Text;
using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// The batch script and sbatch argument list of one submission. The script holds no unit names or user text: only
/// the screpro command (each word single-quoted) and the submission file; the task finds its unit there by
/// SLURM_ARRAY_TASK_ID. Everything else goes to sbatch as separate arguments.
/// </summary>
public static class JobScript
{
    public static string Text(string stage, IReadOnlyList<string> command, string submissionFile)
    {
        var words = command.Concat(["unit", "--submission", submissionFile]).Select(Quote);
        return new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append($"# screpro {stage}: one unit per array task, read from the submission file by SLURM_ARRAY_TASK_ID\n")
            .Append("exec ").Append(string.Join(' ', words)).Append('\n')
            .ToString();
    }

    /// <summary>POSIX sh single quoting: nothing inside '…' is special; a quote itself becomes '\''.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>sbatch's arguments: what the executor owns, then the config's extra flags, then the unit's resources.</summary>
    public static IReadOnlyList<string> SbatchArguments(string jobName, int tasks, int throttle, string folder, string root,
        IReadOnlyList<string> extra, ModelResources resources, string script)
    {
        var args = new List<string>
        {
            "--parsable",
            "--job-name=" + jobName,
            $"--array=0-{tasks - 1}%{throttle}",
            "--output=" + Path.Combine(folder, "%A_%a.log"),
            "--chdir=" + root,
            "--export=ALL",
            "--no-requeue",
        };
        args.AddRange(extra);
        args.AddRange(ResourceArguments(resources));
        args.Add(script);
        return args;
    }

    /// <summary>A manifest's resources as sbatch flags: --cpus-per-task, --mem (MB), --gres=gpu:N, --time (minutes), --partition.</summary>
    public static IReadOnlyList<string> ResourceArguments(ModelResources r)
    {
        var inv = CultureInfo.InvariantCulture;
        var args = new List<string>();
        if (r.Cpus is { } cpus) args.Add("--cpus-per-task=" + cpus.ToString(inv));
        if (r.MemGb is { } gb) args.Add("--mem=" + ((long)Math.Ceiling(gb * 1024)).ToString(inv) + "M");
        if (r.Gpus is { } gpus and > 0) args.Add("--gres=gpu:" + gpus.ToString(inv));
        if (r.TimeMin is { } min) args.Add("--time=" + min.ToString(inv));
        if (r.Partition is { } p) args.Add("--partition=" + p);
        return args;
    }
}
