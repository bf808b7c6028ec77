namespace ScRepro.Core.Download;

/// <summary>
/// How hard <see cref="Downloader"/> tries. Defaults suit multi-gigabyte files on a flaky link; tests shrink every
/// duration to milliseconds.
/// </summary>
public sealed record DownloadOptions
{
    /// <summary>Attempts per URL, the first included; transient failures (connection lost, timeout, 5xx, 408, 429) use them up.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the second attempt; doubled for each later one (exponential backoff).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound for one backoff wait.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit for establishing the TCP (and TLS) connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit from sending the request to receiving the response headers (redirects included).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest silence tolerated while reading the body; a stalled transfer is a transient failure.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed per request (dataverse redirects to signed S3 URLs).</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Show a progress bar (Output.WithProgress; it is quiet anyway when CI=true or output is redirected).</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>
    /// Keep the partial file when the download finally fails, so the next run resumes it. Off by default: a failed
    /// download leaves nothing behind (issue 2). A partial left by a killed process is resumed either way.
    /// </summary>
    public bool KeepPartialOnFailure { get; init; }

    /// <summary>User-Agent header; some hosts (Figshare, Dataverse) refuse requests without one.</summary>
    public string UserAgent { get; init; } = "ScRepro/" + typeof(DownloadOptions).Assembly.GetName().Version?.ToString(3);
}
