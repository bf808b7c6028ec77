namespace ScRepro.Contracts;

/// <summary>
/// The <c>provenance</c> block every output JSON carries (serialised with ScRepro.Foundation.IO.Json: snake_case keys; captured by ScRepro.Core.Provenance.ProvenanceCapture):
/// the code (commit, branch, describe, dirty state), the software (ScRepro, .NET, libtorch when used, the libhdf5 that
/// read and wrote the .h5ad files: version, file and how it was found), the machine (OS, CPU model, thread count) and the run (seeds, UTC time, command line).
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
    string CommandLine);
