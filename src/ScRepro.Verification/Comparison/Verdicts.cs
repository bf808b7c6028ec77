namespace ScRepro.Verification.Comparison;

/// <summary>How row statuses roll up into verdicts, and their names in reports and JSON.</summary>
public static class Verdicts
{
    /// <summary>§3.2: break and missing are BROKEN; drift, new and not comparable are DRIFTED; the rest REPRODUCED.</summary>
    public static Verdict Of(VerdictStatus status) => status switch
    {
        VerdictStatus.Break or VerdictStatus.Missing => Verdict.Broken,
        VerdictStatus.Drift or VerdictStatus.New or VerdictStatus.NotComparable => Verdict.Drifted,
        _ => Verdict.Reproduced,
    };

    /// <summary>The worst verdict among <paramref name="statuses"/> (REPRODUCED when there are none).</summary>
    public static Verdict Worst(IEnumerable<VerdictStatus> statuses) =>
        statuses.Select(Of).DefaultIfEmpty(Verdict.Reproduced).Min();

    /// <summary>The worst of several verdicts (REPRODUCED when there are none).</summary>
    public static Verdict Worst(IEnumerable<Verdict> verdicts) => verdicts.DefaultIfEmpty(Verdict.Reproduced).Min();

    /// <summary>"pass", "drift", "break", "missing", "new", "not_comparable", "informational".</summary>
    public static string Name(VerdictStatus status) => status switch
    {
        VerdictStatus.Break => "break",
        VerdictStatus.Missing => "missing",
        VerdictStatus.Drift => "drift",
        VerdictStatus.New => "new",
        VerdictStatus.NotComparable => "not_comparable",
        VerdictStatus.Pass => "pass",
        VerdictStatus.Informational => "informational",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>"REPRODUCED", "DRIFTED", "BROKEN".</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Broken => "BROKEN",
        Verdict.Drifted => "DRIFTED",
        Verdict.Reproduced => "REPRODUCED",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}
