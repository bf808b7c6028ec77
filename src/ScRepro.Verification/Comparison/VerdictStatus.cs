namespace ScRepro.Verification.Comparison;

/// <summary>
/// The verdict on one number. Declared from worst to best, so sorting by the enum value gives a report's order
/// (break → missing → drift → new → not comparable → pass → informational).
/// </summary>
public enum VerdictStatus
{
    /// <summary>Outside the broken band on the worse side; NaN against a number; a changed null count.</summary>
    Break,

    /// <summary>In the reference, absent now (asv's "!": the loudest signal).</summary>
    Missing,

    /// <summary>Outside the reproduced band but inside the broken band, or better than the reproduced band.</summary>
    Drift,

    /// <summary>Present now, absent from the reference.</summary>
    New,

    /// <summary>An input the number depends on changed (asv's "x"); the reason names it. Not a regression.</summary>
    NotComparable,

    /// <summary>Inside the reproduced band.</summary>
    Pass,

    /// <summary>An informational metric (e.g. wall_clock_s): shown with its Δ, never gates.</summary>
    Informational,
}
