using ScRepro.Verification.Comparison;

namespace ScRepro.Papers;

/// <summary>One thing `papers check` found about a pinned paper: DRIFTED (newer version, published, corrected) or BROKEN (retracted).</summary>
public sealed record PaperFinding(string Key, Verdict Verdict, string Message);
