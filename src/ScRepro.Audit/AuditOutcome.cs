using ScRepro.Audit.Model;

namespace ScRepro.Audit;

/// <summary>A finished audit: the report, the folder AUDIT.md, audit.json and audit.intoto.json were written to, the exit code.</summary>
public sealed record AuditOutcome(AuditReport Report, string OutDir, int ExitCode);
