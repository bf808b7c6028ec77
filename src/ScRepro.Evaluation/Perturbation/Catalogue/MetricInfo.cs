namespace ScRepro.Evaluation.Perturbation.Catalogue;

/// <summary>One metric's identity and meaning, stated once.</summary>
public sealed record MetricInfo(string Name, MetricKind Kind, BestValue Best, MetricScope Scope, string Description);
