namespace ScRepro.Papers;

/// <summary>One response a lock entry was made from: the URL asked and the sha256 of the exact bytes answered.</summary>
public sealed record PaperResponse(string Url, string Sha256);
