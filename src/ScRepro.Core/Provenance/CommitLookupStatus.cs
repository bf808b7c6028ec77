namespace ScRepro.Core.Provenance;

/// <summary>What a commit lookup found.</summary>
public enum CommitLookupStatus
{
    Found,
    Missing,
    Ambiguous,
    NotARepository,
}
