using System.Text.Json.Serialization;
using ScRepro.Audit.Model;

namespace ScRepro.Audit.Reports;

/// <summary>
/// audit.intoto.json: an unsigned in-toto Statement v1 with the test-result v0.1 predicate
/// (in-toto/attestation spec/predicates/test-result.md): result PASSED / WARNED / FAILED for REPRODUCED / DRIFTED /
/// BROKEN, the manifests read as configuration, the check ids as tests. Anyone may sign it afterwards; ScRepro does not.
/// </summary>
public sealed record InTotoStatement(
    [property: JsonPropertyName("_type")] string Type,
    [property: JsonPropertyName("subject")] IReadOnlyList<InTotoSubject> Subject,
    [property: JsonPropertyName("predicateType")] string PredicateType,
    [property: JsonPropertyName("predicate")] TestResultPredicate Predicate)
{
    /// <summary>The statement for a finished report.</summary>
    public static InTotoStatement For(AuditReport r)
    {
        var digest = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = r.Subject.OmsRootDigest };
        if (r.Subject.ResolvedSha is { } sha) digest["gitCommit"] = sha;
        var name = r.Subject.Repo is { } repo ? $"hf://{repo}@{r.Subject.ResolvedSha ?? r.Subject.RequestedRevision}" : $"file://{r.Subject.Folder}";
        string[] Ids(CheckStatus s) => r.Checks.Where(c => c.Status == s).Select(c => c.Id).ToArray();
        return new InTotoStatement("https://in-toto.io/Statement/v1", [new InTotoSubject(name, digest)],
            "https://in-toto.io/attestation/test-result/v0.1",
            new TestResultPredicate(
                r.Verdict switch { "REPRODUCED" => "PASSED", "DRIFTED" => "WARNED", _ => "FAILED" },
                r.Inputs.Select(i => new InTotoResource(i.Path, new SortedDictionary<string, string> { ["sha256"] = i.Sha256 })).ToList(),
                Ids(CheckStatus.Pass), Ids(CheckStatus.Warn), Ids(CheckStatus.Fail)));
    }
}

/// <summary>A statement subject: name and DigestSet.</summary>
public sealed record InTotoSubject(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("digest")] IReadOnlyDictionary<string, string> Digest);

/// <summary>A ResourceDescriptor with name and digest.</summary>
public sealed record InTotoResource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("digest")] IReadOnlyDictionary<string, string> Digest);

/// <summary>The test-result v0.1 predicate.</summary>
public sealed record TestResultPredicate(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("configuration")] IReadOnlyList<InTotoResource> Configuration,
    [property: JsonPropertyName("passedTests")] IReadOnlyList<string> PassedTests,
    [property: JsonPropertyName("warnedTests")] IReadOnlyList<string> WarnedTests,
    [property: JsonPropertyName("failedTests")] IReadOnlyList<string> FailedTests);
