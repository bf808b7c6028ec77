namespace ScRepro.Core.Hashing;

/// <summary>A file a dataset must contain, with what the manifest knows about it (null = unknown, pinned on first download).</summary>
public sealed record ExpectedFile(string Path, string? Sha256 = null, long? Size = null);
