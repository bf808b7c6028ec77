namespace ScRepro.Core.Download;

/// <summary>A verified download: final path, size and sha256, attempts used, and bytes reused from a partial file.</summary>
public sealed record DownloadResult(string Path, long Size, string Sha256, int Attempts, long ResumedBytes);
