namespace ScRepro.Audit.Model;

/// <summary>
/// What was audited: a Hub repository at a revision (requested and resolved) or a local folder, with the folder's
/// OMS root digest (sha256 over the files' raw sha256 digests in path order) and in-toto dirHash1.
/// </summary>
public sealed record AuditSubject(
    string Kind,
    string Name,
    string? Repo,
    string? RequestedRevision,
    string? ResolvedSha,
    string? LastModified,
    string Folder,
    string OmsRootDigest,
    string DirHash1);
