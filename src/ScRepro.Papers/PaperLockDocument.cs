namespace ScRepro.Papers;

/// <summary>The JSON of manifests/papers.lock.json: papers sorted by key (ordinal), so identical metadata gives identical bytes.</summary>
public sealed record PaperLockDocument(string Schema, LockProvenance? Provenance, SortedDictionary<string, LockedPaper> Papers);
