namespace ScRepro.Core.Hashing;

/// <summary>One data file in a lock: POSIX path relative to the dataset folder, size in bytes, sha256, and where the pin came from.</summary>
public sealed record LockedFile(string Path, long Size, string Sha256, PinSource Pinned);
