namespace ScRepro.Core.Download;

/// <summary>One file to fetch: the URL (http, https or file), where it lands, and what is known about it (null = unknown).</summary>
public sealed record DownloadRequest(Uri Url, string Destination, long? ExpectedSize = null, string? ExpectedSha256 = null);
