namespace ScRepro.Cards;

/// <summary>The card's provenance section: commit and tree state, the runner, data and split hashes, environment.</summary>
public sealed record CardProvenance(string Commit, string ShortCommit, string Dirty, string Describe, string Runner,
    string DatasetManifest, string DatasetManifestSha256, string DatasetLockSha256, string DataNote,
    string SplitPolicy, string SplitMembershipHash, string SplitCounts, string Seeds, string Environment, string GeneratedUtc);
