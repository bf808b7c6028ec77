namespace ScRepro.Audit.Model;

/// <summary>
/// One file of the audited folder: POSIX path, size, sha256 and git blob id (as the Hub computes it), whether it
/// matches the Hub's identity (null: no Hub) and the sha256 the card or the folder's manifest pins (null: none).
/// </summary>
public sealed record AuditedFile(string Path, long Size, string Sha256, string GitOid, bool? HubMatch, string? CardPin);
