using ScRepro.Audit.Model;

namespace ScRepro.Audit;

/// <summary>
/// What `screpro audit` was asked: exactly one of <see cref="Hub"/> ("owner/name[@rev]") and <see cref="Dir"/>, the
/// experiment and model manifests to compare with (default: the card's own `screpro` block), a local clone for the
/// commit check, the deepest level wanted (null: the highest the inputs allow), the Hub endpoint and token variable,
/// offline replay, the tolerance file, the output folder, and whether DRIFTED fails the run.
/// </summary>
public sealed record AuditOptions
{
    public string Root { get; init; } = ".";
    public string? Hub { get; init; }
    public string? Revision { get; init; }
    public string? Dir { get; init; }
    public string? Experiment { get; init; }
    public string? Model { get; init; }
    public string? CodeRepo { get; init; }
    public AuditLevel? Level { get; init; }
    public string? HubEndpoint { get; init; }
    public string TokenEnv { get; init; } = "HF_TOKEN";
    public bool Offline { get; init; }
    public string? Tolerances { get; init; }
    public string? Out { get; init; }
    public bool FailOnDrifted { get; init; }
    public string CommandLine { get; init; } = "screpro audit";
}
