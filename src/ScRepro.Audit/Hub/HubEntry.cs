namespace ScRepro.Audit.Hub;

/// <summary>
/// One file as the Hub lists it: tree/paths-info `{type, oid, size, path, lfs?: {oid, size}}`, or a model_info sibling
/// `{rfilename, blobId, size, lfs?: {sha256, size}}` (the two name the LFS hash differently; both land in <see cref="LfsSha256"/>).
/// </summary>
public sealed record HubEntry(string Path, string Type, string? Oid, long? Size, string? LfsSha256, long? LfsSize);
