namespace ScRepro.Nightly;

/// <summary>
/// How to run a nightly: the project root, nightly.yaml, the report's date (default: today, UTC), the verdict that
/// fails (default: nightly.yaml's), whether to re-run the experiments (false: compare the runs already there, e.g. to
/// redo a report), and which experiments (default: all of nightly.yaml's).
/// </summary>
public sealed record NightlyOptions(
    string Root,
    string ManifestPath,
    string? Date = null,
    FailOn? FailOn = null,
    bool Rerun = true,
    IReadOnlyList<string>? Only = null,
    string CommandLine = "screpro nightly");
