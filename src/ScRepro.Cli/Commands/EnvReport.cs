namespace ScRepro.Cli.Commands;

/// <summary>What `screpro env` reports (snake_case JSON with --json).</summary>
internal sealed record EnvReport(
    string ScreproVersion,
    string DotnetVersion,
    string Os,
    string CpuModel,
    int Threads,
    string Hdf5,
    IReadOnlyList<string> Hdf5Candidates,
    string Libgit2,
    string Libtorch,
    string Commit,
    bool Dirty);
