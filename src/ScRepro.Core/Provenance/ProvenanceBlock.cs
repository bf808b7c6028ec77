using System.Globalization;

namespace ScRepro.Core.Provenance;

/// <summary>
/// The <c>provenance</c> block every output JSON carries (serialise with ScRepro.Core.IO.Json: snake_case keys):
/// the code (commit, branch, describe, dirty state), the software (ScRepro, .NET, libtorch when used), the machine
/// (OS, CPU model, thread count) and the run (seeds, UTC time, command line; the Slurm job when run by one).
/// </summary>
public sealed record ProvenanceBlock(
    string Commit,
    string ShortCommit,
    string? Branch,
    string? Describe,
    bool Dirty,
    IReadOnlyList<string> DirtyPaths,
    string ScreproVersion,
    string DotnetVersion,
    string? LibtorchVersion,
    string Os,
    string CpuModel,
    int Threads,
    IReadOnlyDictionary<string, long> Seeds,
    string UtcTime,
    string CommandLine)
{
    /// <summary>The Slurm job that made the output (job id, array task, node, partition); absent for a local run.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SchedulerInfo? Scheduler { get; init; }

    /// <summary>
    /// Captures the provenance of a run now: git state of the repository containing <paramref name="repoPath"/>, the
    /// runtime and machine, the named <paramref name="seeds"/> (e.g. <c>{"split": 1, "train": 0}</c>, stored sorted by name),
    /// and the command line that produced the output. <paramref name="utcTime"/> overrides the clock (tests).
    /// </summary>
    public static ProvenanceBlock Capture(string repoPath, IReadOnlyDictionary<string, long> seeds, string commandLine,
                                          string? libtorchVersion = null, DateTimeOffset? utcTime = null)
    {
        var git = GitInfo.Read(repoPath);
        var time = (utcTime ?? DateTimeOffset.UtcNow).ToUniversalTime();
        return new ProvenanceBlock(
            git.Commit, git.ShortCommit, git.Branch, git.Describe, git.Dirty, git.DirtyPaths,
            MachineInfo.ScReproVersion(),
            Environment.Version.ToString(),
            libtorchVersion,
            MachineInfo.OperatingSystem(),
            MachineInfo.CpuModel(),
            Environment.ProcessorCount,
            new SortedDictionary<string, long>(seeds.ToDictionary(), StringComparer.Ordinal),
            time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            commandLine) { Scheduler = SchedulerInfo.Current() };
    }
}
