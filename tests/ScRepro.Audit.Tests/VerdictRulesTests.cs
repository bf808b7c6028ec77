using ScRepro.Audit.Model;
using ScRepro.Audit.Reports;

namespace ScRepro.Audit.Tests;

/// <summary>§2.5's verdict rules: FAIL → BROKEN, WARN → DRIFTED, and a check that cannot be made never passes.</summary>
public sealed class VerdictRulesTests
{
    private static AuditCheck C(string id, AuditLevel level, CheckStatus s) => new(id, level, id, s, $"{id} says so");

    private static readonly AuditCheck[] Integrity =
        [C("A1", AuditLevel.Integrity, CheckStatus.Skipped), C("A3", AuditLevel.Integrity, CheckStatus.Pass), C("A6", AuditLevel.Integrity, CheckStatus.Pass)];

    [Fact]
    public void Should_stop_the_level_at_the_first_required_check_that_could_not_be_made()
    {
        var checks = Integrity.Append(C("B1", AuditLevel.Provenance, CheckStatus.Pass)).Append(C("C", AuditLevel.Evaluate, CheckStatus.Unverifiable))
            .Append(C("D", AuditLevel.Predict, CheckStatus.Pass)).ToList();
        var (verdict, level, line, coverage) = VerdictRules.Decide(checks, AuditLevel.Predict);
        Assert.Equal(Verdict.Reproduced, verdict);
        Assert.Equal(AuditLevel.Provenance, level);
        Assert.Equal("REPRODUCED at provenance; evaluate impossible: C UNVERIFIABLE: C says so", line);
        Assert.Equal("4/5 checks verifiable", coverage);
    }

    [Fact]
    public void Should_not_reproduce_anything_when_integrity_cannot_be_verified()
    {
        var checks = new[] { C("A1", AuditLevel.Integrity, CheckStatus.Skipped), C("A3", AuditLevel.Integrity, CheckStatus.Unverifiable), C("A6", AuditLevel.Integrity, CheckStatus.Pass) };
        var (verdict, level, _, _) = VerdictRules.Decide(checks, AuditLevel.Predict);
        Assert.Equal(Verdict.Drifted, verdict);
        Assert.Null(level);
    }

    [Fact]
    public void Should_map_verdicts_to_exit_codes()
    {
        Assert.Equal(0, VerdictRules.ExitCode(Verdict.Reproduced, failOnDrifted: true));
        Assert.Equal(0, VerdictRules.ExitCode(Verdict.Drifted, failOnDrifted: false));
        Assert.Equal(3, VerdictRules.ExitCode(Verdict.Drifted, failOnDrifted: true));
        Assert.Equal(4, VerdictRules.ExitCode(Verdict.Broken, failOnDrifted: false));
        var broken = Integrity.Append(C("B4", AuditLevel.Provenance, CheckStatus.Warn)).Append(C("B2", AuditLevel.Provenance, CheckStatus.Fail)).ToList();
        Assert.Equal(Verdict.Broken, VerdictRules.Decide(broken, AuditLevel.Provenance).Verdict);
    }
}
