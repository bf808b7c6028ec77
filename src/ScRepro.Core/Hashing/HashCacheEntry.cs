namespace ScRepro.Core.Hashing;

/// <summary>A remembered hash and the file stamp (size, last-write UTC ticks) it is valid for.</summary>
internal sealed record HashCacheEntry(string Path, long Size, long MtimeTicks, string Sha256);
