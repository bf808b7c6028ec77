namespace ScRepro.Evaluation.Perturbation;

/// <summary>A card's row for one metric: mean, median (polars' nearest-rank 50%) and max over perturbations.</summary>
public sealed record MetricHeadline(string Metric, double? Mean, double? Median, double? Max);
