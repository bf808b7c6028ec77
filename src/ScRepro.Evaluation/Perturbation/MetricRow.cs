namespace ScRepro.Evaluation.Perturbation;

/// <summary>One long-format result: a metric's value for a perturbation; null when cell-eval leaves the cell empty.</summary>
public sealed record MetricRow(string Perturbation, string Metric, double? Value);
