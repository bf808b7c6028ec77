namespace ScRepro.Core.Hashing;

/// <summary>The hash cache as stored on disk.</summary>
internal sealed record HashCacheFile(int Version, IReadOnlyList<HashCacheEntry>? Files);
