namespace ScRepro.Audit.Hub;

/// <summary>
/// One raw Hub response as stored for --offline replay: the request line, the status, the headers that matter
/// (lower-case names) and the body text. Stored as JSON; its sha256 goes into audit.json.
/// </summary>
public sealed record HubResponse(string Request, int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
