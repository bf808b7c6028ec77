namespace ScRepro.Evaluation.Perturbation.Papers;

/// <summary>How a paper averages its per-perturbation Pearson values into the headline number.</summary>
public enum PaperConvention
{
    /// <summary>GEARS (inference.py deeper_analysis): NaN → 0, then the mean over perturbations.</summary>
    Gears,

    /// <summary>scGPT (utils/util.py compute_perturbation_metrics): NaN kept; perturbations whose true mean is all zeros are skipped.</summary>
    Scgpt,
}
