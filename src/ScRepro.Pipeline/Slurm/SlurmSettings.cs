using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// How the Slurm executor submits and waits, from an optional YAML file (--slurm-config), read strictly:
/// <c>throttle</c> (array tasks at once, sbatch's %K), <c>poll_s</c>, <c>result_wait_s</c> (how long a finished job's
/// outputs may take to show on the shared filesystem, and how long a job gone from squeue is re-asked of sacct, which
/// lags it) and <c>sbatch_args</c>: extra flags for every submission (account, qos, constraint…), each one option with
/// its value attached (--account=proj), passed to sbatch as an argument list and never through a shell. Flags the
/// executor sets itself are refused.
/// </summary>
public sealed record SlurmSettings(int Throttle, double PollSeconds, double ResultWaitSeconds, IReadOnlyList<string> SbatchArgs)
{
    public static readonly SlurmSettings Default = new(8, 2, 60, []);

    // Set by the executor (array, log files, job name, working folder, environment) or blocking the submitter.
    private static readonly string[] OwnedLong = ["--array", "--output", "--error", "--job-name", "--parsable", "--chdir", "--wrap", "--export", "--wait", "--requeue", "--no-requeue"];
    private static readonly char[] OwnedShort = ['a', 'o', 'e', 'J', 'D', 'W'];

    public static SlurmSettings Load(string file)
    {
        if (!File.Exists(file)) throw new ScReproException($"{file}: Slurm config not found");
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file, Encoding.UTF8)) stream.Load(reader);
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode node)
                throw new ScReproException($"{file}:1: a Slurm config is one YAML mapping");
            root = node;
        }
        catch (YamlException e)
        {
            throw new ScReproException($"{file}:{e.Start.Line}: malformed YAML: {e.InnerException?.Message ?? e.Message}");
        }
        var m = new YamlMapping(root, file, "");
        var throttle = m.OptionalInt("throttle") ?? Default.Throttle;
        if (throttle is < 1 or > 10_000) throw m.Error("throttle", $"must be 1 to 10000, got {throttle}");
        var poll = m.OptionalDouble("poll_s") ?? Default.PollSeconds;
        if (poll is < 0.2 or > 600) throw m.Error("poll_s", $"must be 0.2 to 600 seconds, got {poll}");
        var wait = m.OptionalDouble("result_wait_s") ?? Default.ResultWaitSeconds;
        if (wait is < 0 or > 3600) throw m.Error("result_wait_s", $"must be 0 to 3600 seconds, got {wait}");
        var args = m.StringList("sbatch_args");
        for (var i = 0; i < args.Count; i++)
            if (Refusal(args[i]) is { } why) throw m.Error($"sbatch_args[{i}]", $"'{args[i]}': {why}");
        m.Finish();
        return new SlurmSettings((int)throttle, poll, wait, args);
    }

    /// <summary>Why one extra sbatch argument is not accepted, or null.</summary>
    public static string? Refusal(string arg)
    {
        if (arg.Length < 2 || arg[0] != '-') return "each entry is one sbatch option starting with '-' (e.g. --account=proj)";
        if (arg.Any(c => c is '\n' or '\r' or '\0')) return "an option may not contain a line break or NUL";
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var name = arg.Split('=', 2)[0];
            return OwnedLong.Contains(name) ? $"{name} is set by the executor" : null;
        }
        return OwnedShort.Contains(arg[1]) ? $"-{arg[1]} is set by the executor" : null;
    }
}
