namespace ScRepro.Core.Hashing;

/// <summary>A remembered hash and the file identity (size, mtime, ctime, inode) it is valid for.</summary>
internal sealed record HashCacheEntry(string Path, long Size, long MtimeNs, long CtimeNs, ulong Inode, string Sha256);
