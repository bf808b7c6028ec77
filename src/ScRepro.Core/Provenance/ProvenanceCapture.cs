using System.Globalization;
using ScRepro.Contracts;

namespace ScRepro.Core.Provenance;

/// <summary>Reads the git state, runtime and machine into a <see cref="ProvenanceBlock"/>.</summary>
public static class ProvenanceCapture
{
    /// <summary>
    /// Captures the provenance of a run now: git state of the repository containing <paramref name="repoPath"/>, the
    /// runtime and machine, the named <paramref name="seeds"/> (e.g. <c>{"split": 1, "train": 0}</c>, stored sorted by name),
    /// and the command line that produced the output. <paramref name="hdf5Library"/> is ScRepro.Hdf5's
    /// <c>Hdf5Loader.Current.Describe()</c> where the stage used libhdf5 (Core does not reference that project).
    /// <paramref name="utcTime"/> overrides the clock (tests).
    /// </summary>
    public static ProvenanceBlock Capture(string repoPath, IReadOnlyDictionary<string, long> seeds, string commandLine,
                                          string? libtorchVersion = null, string? hdf5Library = null,
                                          DateTimeOffset? utcTime = null) =>
        Capture(GitInfo.Read(repoPath), seeds, commandLine, libtorchVersion, hdf5Library, utcTime);

    /// <summary>
    /// The same with the git state a run captured when it started (PipelineSession.Open): every output of one run
    /// records the commit and dirty state its stamps were keyed by, even if the tree changes while it runs.
    /// </summary>
    public static ProvenanceBlock Capture(GitInfo git, IReadOnlyDictionary<string, long> seeds, string commandLine,
                                          string? libtorchVersion = null, string? hdf5Library = null,
                                          DateTimeOffset? utcTime = null)
    {
        var time = (utcTime ?? DateTimeOffset.UtcNow).ToUniversalTime();
        return new ProvenanceBlock(
            git.Commit, git.ShortCommit, git.Branch, git.Describe, git.Dirty, git.DirtyPaths,
            MachineInfo.ScReproVersion(),
            Environment.Version.ToString(),
            libtorchVersion,
            hdf5Library,
            MachineInfo.OperatingSystem(),
            MachineInfo.CpuModel(),
            Environment.ProcessorCount,
            new SortedDictionary<string, long>(seeds.ToDictionary(), StringComparer.Ordinal),
            time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            commandLine) { Scheduler = SchedulerCapture.Current() };
    }
}
