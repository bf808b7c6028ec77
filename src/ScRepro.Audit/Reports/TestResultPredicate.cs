using System.Text.Json.Serialization;

namespace ScRepro.Audit.Reports;

/// <summary>The test-result v0.1 predicate.</summary>
public sealed record TestResultPredicate(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("configuration")] IReadOnlyList<InTotoResource> Configuration,
    [property: JsonPropertyName("passedTests")] IReadOnlyList<string> PassedTests,
    [property: JsonPropertyName("warnedTests")] IReadOnlyList<string> WarnedTests,
    [property: JsonPropertyName("failedTests")] IReadOnlyList<string> FailedTests);
