namespace ScRepro.Evaluation.Perturbation.Catalogue;

/// <summary>Which validated input a metric reads (cell-eval's MetricType).</summary>
public enum MetricKind
{
    /// <summary>Reads the real and predicted DE tables (DeComparison).</summary>
    DifferentialExpression,

    /// <summary>Reads the expression matrices (PerturbationPair).</summary>
    AnnDataPair,
}
