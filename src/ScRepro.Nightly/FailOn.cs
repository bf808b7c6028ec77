namespace ScRepro.Nightly;

/// <summary>Which verdict makes `screpro nightly` exit non-zero: BROKEN only (exit 4), or DRIFTED too (exit 3).</summary>
public enum FailOn
{
    Break,
    Drift,
}
