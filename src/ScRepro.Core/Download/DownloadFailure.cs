namespace ScRepro.Core.Download;

/// <summary>
/// Why one attempt failed. Transient failures (connection lost, timeout, 5xx) are retried and keep the partial file
/// for a Range resume; permanent ones (404, hash or size mismatch) stop at once and discard it.
/// </summary>
internal sealed class DownloadFailure(string reason, bool transient, bool discardPartial = false, Exception? inner = null)
    : Exception(reason, inner)
{
    public bool Transient { get; } = transient;

    /// <summary>The partial file cannot be resumed (server sent an inconsistent range): start the next attempt from zero.</summary>
    public bool DiscardPartial { get; } = discardPartial;
}
