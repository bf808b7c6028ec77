namespace ScRepro.Audit.Hub;

/// <summary>
/// Everything the Hub said about one repository revision: the resolved commit and metadata (or the error that stopped
/// it, with its X-Error-Code), the model_info siblings, the recursive tree, and the resolve headers per file.
/// </summary>
public sealed record HubSnapshot(
    string Repo,
    string RequestedRevision,
    string? Sha,
    string? LastModified,
    int? ErrorStatus,
    string? ErrorCode,
    string? ErrorMessage,
    IReadOnlyList<HubEntry> Siblings,
    IReadOnlyList<HubEntry> Tree,
    IReadOnlyList<HubResolve> Resolves,
    bool TokenUsed)
{
    /// <summary>True when the revision resolved to a commit.</summary>
    public bool Resolved => Sha is not null && ErrorCode is null && ErrorStatus is null;
}
