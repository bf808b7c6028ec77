namespace ScRepro.Audit.Model;

/// <summary>One check's result: its id (A1…D), the level it belongs to, what it checks, the status and a one-line reason.</summary>
public sealed record AuditCheck(string Id, AuditLevel Level, string Title, CheckStatus Status, string Reason)
{
    /// <summary>True when the check was actually made (PASS, WARN or FAIL), whatever it found.</summary>
    public bool Made => Status is CheckStatus.Pass or CheckStatus.Warn or CheckStatus.Fail;
}
