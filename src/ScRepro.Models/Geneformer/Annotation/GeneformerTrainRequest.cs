using ScRepro.Models.Training;

namespace ScRepro.Models.Geneformer.Annotation;

/// <summary>One Geneformer fine-tuning run; the recipe's data/ paths are resolved by the caller.</summary>
/// <param name="PretrainedDir">config.json + model.safetensors or pytorch_model.bin, or null.</param>
/// <param name="GeneMapping">The resolved gene_mapping pickle, or null.</param>
/// <param name="Dictionaries">token_dictionary.pkl and gene_median_dictionary.pkl paths, or null (built from the training cells).</param>
public sealed record GeneformerTrainRequest(
    AnnData.AnnotatedData Data,
    string LabelColumn,
    IReadOnlyList<string> TrainCells,
    IReadOnlyList<string> ValCells,
    IReadOnlyList<string> TestCells,
    GeneformerRecipe Recipe,
    TrainingBudget Budget,
    long Seed,
    string OutputDir,
    string? PretrainedDir,
    (string Tokens, string Medians)? Dictionaries,
    string Source,
    string? GeneMapping = null);
