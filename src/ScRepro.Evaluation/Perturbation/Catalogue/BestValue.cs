namespace ScRepro.Evaluation.Perturbation.Catalogue;

/// <summary>The value of a perfect prediction (cell-eval's MetricBestValue), used to normalise against baselines.</summary>
public enum BestValue
{
    Zero,
    One,
    None,
}
