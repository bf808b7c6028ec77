namespace ScRepro.Core.Download;

/// <summary>
/// One file to fetch: the URL (http, https or file), where it lands, and what is known about it (null = unknown).
/// <paramref name="BearerToken"/> is sent as `Authorization: Bearer` to the first host only (HttpClient drops it on
/// redirects, so a CDN never sees it) and is never part of a message.
/// </summary>
public sealed record DownloadRequest(Uri Url, string Destination, long? ExpectedSize = null, string? ExpectedSha256 = null, string? BearerToken = null)
{
    /// <summary>The Accept header to send (DOI content negotiation chooses the format by it); null sends none.</summary>
    public string? Accept { get; init; }

    /// <summary>Never print the token: records print their members.</summary>
    public override string ToString() => $"DownloadRequest {{ Url = {Url}, Destination = {Destination}, ExpectedSize = {ExpectedSize}, ExpectedSha256 = {ExpectedSha256} }}";
}
