using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Training;

namespace ScRepro.Models.Scgpt.Perturbation;

/// <summary>
/// Everything one perturbation fine-tuning run needs. <paramref name="TrainConditions"/> and
/// <paramref name="ValConditions"/> are condition labels (the control label is added to training, as GEARS' simulation
/// split does); <paramref name="PretrainedDir"/> is the resolved folder when the recipe names one.
/// </summary>
public sealed record PerturbationTrainRequest(
    AnnData.AnnotatedData Data,
    string ConditionColumn,
    string ControlLabel,
    IReadOnlyList<string> TrainConditions,
    IReadOnlyList<string> ValConditions,
    ScgptRecipe Recipe,
    TrainingBudget Budget,
    long Seed,
    string OutputDir,
    string? PretrainedDir = null,
    string Source = "data");
