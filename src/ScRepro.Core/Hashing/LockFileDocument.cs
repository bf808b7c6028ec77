namespace ScRepro.Core.Hashing;

/// <summary>The lock file as stored: format version first, then the dataset, the two hashes and the files.</summary>
internal sealed record LockFileDocument(int Version, string? Dataset, string? ManifestSha256, string? LockSha256,
                                        IReadOnlyList<LockedFile>? Files);
