using ScRepro.Contracts;

namespace ScRepro.Cards.Figures;

/// <summary>One headline metric's panel: a box per model (in the page's model order; null where a model has no finite value).</summary>
public sealed record DistributionPanel(string Metric, MetricDirection Direction, int Perturbations, IReadOnlyList<BoxStats?> Boxes);
