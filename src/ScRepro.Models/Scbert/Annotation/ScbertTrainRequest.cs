using ScRepro.Models.Training;

namespace ScRepro.Models.Scbert.Annotation;

/// <summary>One scBERT fine-tuning run: obs_names of the training, validation and test cells, the label column, the recipe.</summary>
/// <param name="PretrainedPath">The checkpoint the recipe's <c>pretrained</c> resolved to, or null.</param>
public sealed record ScbertTrainRequest(
    AnnData.AnnotatedData Data,
    string LabelColumn,
    IReadOnlyList<string> TrainCells,
    IReadOnlyList<string> ValCells,
    IReadOnlyList<string> TestCells,
    ScbertRecipe Recipe,
    TrainingBudget Budget,
    long Seed,
    string OutputDir,
    string? PretrainedPath,
    string Source);
