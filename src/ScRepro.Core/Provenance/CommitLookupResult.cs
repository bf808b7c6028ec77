namespace ScRepro.Core.Provenance;

/// <summary>The full sha and commit date when found, and which of the named paths the commit lacks.</summary>
public sealed record CommitLookupResult(CommitLookupStatus Status, string? Sha, DateTimeOffset? Date, IReadOnlyList<string> MissingPaths);
