using System.Text.Json.Serialization;

namespace ScRepro.Audit.Reports;

/// <summary>A statement subject: name and DigestSet.</summary>
public sealed record InTotoSubject(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("digest")] IReadOnlyDictionary<string, string> Digest);
