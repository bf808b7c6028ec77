using ScRepro.Nightly.Report;

namespace ScRepro.Nightly;

/// <summary>What a nightly produced: the report, the folder it was written to, and the exit code it asks for.</summary>
public sealed record NightlyOutcome(DriftReport Report, string Folder, int ExitCode)
{
    /// <summary>Exit code of a BROKEN nightly.</summary>
    public const int BrokenExit = 4;

    /// <summary>Exit code of a DRIFTED nightly under --fail-on drift.</summary>
    public const int DriftedExit = 3;
}
