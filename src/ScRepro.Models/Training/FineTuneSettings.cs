namespace ScRepro.Models.Training;

/// <summary>What <see cref="FineTuneLoop"/> takes from a model's recipe.</summary>
/// <param name="Name">Log prefix ("scgpt", "scbert").</param>
/// <param name="Recipe">The recipe's name in messages ("perturbation", "scBERT annotation").</param>
/// <param name="SelectionMetric">Validation metric that picks the best weights when the budget names none.</param>
/// <param name="BestModelFile">File name of the best weights in the output folder.</param>
/// <param name="GradAccumulation">Steps whose gradients are summed before each optimizer step (1: none).</param>
/// <param name="WeightDecay">Null: Adam (scGPT, scBERT); a value: AdamW with that decoupled weight decay (HF's Trainer, Geneformer).</param>
/// <param name="StepLrFactor">A per-optimizer-step factor on <paramref name="Lr"/> (HF's linear warm-up), applied before each step; null: per-epoch scheduler only.</param>
internal sealed record FineTuneSettings(
    string Name,
    string Recipe,
    double Lr,
    double AdamEps,
    double GradClip,
    bool Amp,
    string SelectionMetric,
    string BestModelFile,
    int GradAccumulation = 1,
    double? WeightDecay = null,
    Func<int, double>? StepLrFactor = null);
