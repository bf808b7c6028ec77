namespace ScRepro.Evaluation.Perturbation.Catalogue;

/// <summary>Whether a metric has one value per perturbation or one value repeated in every row.</summary>
public enum MetricScope
{
    PerPerturbation,
    Global,
}
