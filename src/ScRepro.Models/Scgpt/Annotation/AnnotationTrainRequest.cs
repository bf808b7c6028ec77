using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Training;

namespace ScRepro.Models.Scgpt.Annotation;

/// <summary>One annotation fine-tuning run: obs_names of the training and validation cells, the label column, the recipe.</summary>
public sealed record AnnotationTrainRequest(
    AnnData.AnnotatedData Data,
    string LabelColumn,
    IReadOnlyList<string> TrainCells,
    IReadOnlyList<string> ValCells,
    ScgptRecipe Recipe,
    TrainingBudget Budget,
    long Seed,
    string OutputDir,
    string? PretrainedDir = null,
    string Source = "data");
