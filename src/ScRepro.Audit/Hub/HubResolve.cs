namespace ScRepro.Audit.Hub;

/// <summary>What HEAD /{repo}/resolve/{sha}/{path} said: X-Repo-Commit, the etag (X-Linked-Etag preferred, W/ and quotes stripped) and the size.</summary>
public sealed record HubResolve(string Path, int Status, string? RepoCommit, string? Etag, long? Size);
