using ScRepro.Audit.Model;

namespace ScRepro.Audit.Reports;

/// <summary>
/// §2.5's verdict rules. BROKEN on any FAIL; DRIFTED on any WARN; REPRODUCED when every required check up to a level
/// passes (A1, A3 and A6 for integrity, B1 for provenance, C for evaluate, D for predict; SKIPPED means "does not
/// apply" and does not block). A required check that could not be made is never a pass: the level reached stops below
/// it, and when not even integrity is reached the verdict is DRIFTED ("not verified"), not REPRODUCED.
/// </summary>
public static class VerdictRules
{
    private static readonly (AuditLevel Level, string[] Required)[] Requirements =
    [
        (AuditLevel.Integrity, ["A1", "A3", "A6"]),
        (AuditLevel.Provenance, ["B1"]),
        (AuditLevel.Evaluate, ["C"]),
        (AuditLevel.Predict, ["D"]),
    ];

    /// <summary>The verdict, the level it holds at (null: none), the verdict line and the coverage line.</summary>
    public static (Verdict Verdict, AuditLevel? Level, string Line, string Coverage) Decide(IReadOnlyList<AuditCheck> checks, AuditLevel deepest)
    {
        var considered = checks.Where(c => c.Level <= deepest).ToList();
        var applicable = considered.Where(c => c.Status != CheckStatus.Skipped).ToList();
        var coverage = $"{applicable.Count(c => c.Made)}/{applicable.Count} checks verifiable";
        AuditLevel? reached = null;
        string? blocker = null;
        foreach (var (level, required) in Requirements.Where(r => r.Level <= deepest))
        {
            var blocking = required.Select(id => considered.FirstOrDefault(c => c.Id == id))
                .FirstOrDefault(c => c is null || c.Status is not (CheckStatus.Pass or CheckStatus.Skipped));
            if (blocking is not null)
            {
                blocker = $"{Name(level)} impossible: {blocking.Id} {Status(blocking.Status)}: {blocking.Reason}";
                break;
            }
            reached = level;
        }
        var fails = considered.Where(c => c.Status == CheckStatus.Fail).ToList();
        var warns = considered.Where(c => c.Status == CheckStatus.Warn).ToList();
        if (fails.Count > 0 || warns.Count > 0)
        {
            var verdict = fails.Count > 0 ? Verdict.Broken : Verdict.Drifted;
            var made = considered.Where(c => c.Made).Select(c => c.Level).DefaultIfEmpty(AuditLevel.Integrity).Max();
            var why = string.Join("; ", (fails.Count > 0 ? fails : warns).Select(c => $"{c.Id} {c.Reason}"));
            return (verdict, made, $"{Name(verdict)} at {Name(made)}: {why}", coverage);
        }
        if (reached is null)
            return (Verdict.Drifted, null, $"DRIFTED (not verified): {blocker}", coverage);
        return (Verdict.Reproduced, reached, $"REPRODUCED at {Name(reached.Value)}{(blocker is null ? "" : "; " + blocker)}", coverage);
    }

    /// <summary>The process exit code: 0 REPRODUCED, DRIFTED 0 (3 with --fail-on drifted), 4 BROKEN.</summary>
    public static int ExitCode(Verdict verdict, bool failOnDrifted) => verdict switch
    {
        Verdict.Reproduced => 0,
        Verdict.Drifted => failOnDrifted ? 3 : 0,
        _ => 4,
    };

    public static string Name(Verdict v) => v.ToString().ToUpperInvariant();

    public static string Name(AuditLevel l) => l.ToString().ToLowerInvariant();

    public static string Status(CheckStatus s) => s.ToString().ToUpperInvariant();
}
