namespace ScRepro.Contracts;

/// <summary>
/// The <c>provenance</c> block every output JSON carries (serialised with ScRepro.Foundation.IO.Json: snake_case keys; captured by ScRepro.Core.Provenance.ProvenanceCapture):
/// the code (commit, branch, describe, dirty state), the software (ScRepro, .NET, libtorch when used, the libhdf5 that
/// read and wrote the .h5ad files: version, file and how it was found), the machine (OS, CPU model, thread count) and
/// the run (seeds, UTC time, command line; the Slurm job when run by one).
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
    string? Hdf5Library,
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
}
