using System.Text.Json.Serialization;

namespace ScRepro.Audit.Reports;

/// <summary>A ResourceDescriptor with name and digest.</summary>
public sealed record InTotoResource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("digest")] IReadOnlyDictionary<string, string> Digest);
