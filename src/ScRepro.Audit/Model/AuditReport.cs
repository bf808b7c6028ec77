using ScRepro.Contracts;
using ScRepro.Core.Provenance;

namespace ScRepro.Audit.Model;

/// <summary>
/// audit.json (schema screpro.audit/1): the verdict, the level reached and the coverage line, the subject, every file,
/// the card's claims, every check, the metric and recipe comparisons, the inputs with their hashes, the stored Hub
/// responses, the command that re-runs this audit, the provenance block every ScRepro output carries, and (added
/// compatibly: absent or null in older files) level D's re-prediction spread over seeds.
/// </summary>
public sealed record AuditReport(
    string Schema,
    string Verdict,
    string? Level,
    string VerdictLine,
    string Coverage,
    AuditSubject Subject,
    IReadOnlyList<AuditedFile> Files,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<AuditCheck> Checks,
    IReadOnlyList<MetricComparison> Metrics,
    IReadOnlyList<RecipeDifference> Recipe,
    IReadOnlyList<InputRecord> Inputs,
    IReadOnlyList<HubResponseRecord> HubResponses,
    string RerunCommand,
    ProvenanceBlock Provenance,
    PairingSpread? RepredictSpread = null)
{
    /// <summary>The value of <see cref="Schema"/>.</summary>
    public const string SchemaId = "screpro.audit/1";
}
