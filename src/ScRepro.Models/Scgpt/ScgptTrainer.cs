using ScRepro.Contracts;
using ScRepro.Models.Scgpt.Annotation;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Perturbation;
using ScRepro.Models.Training;

namespace ScRepro.Models.Scgpt;

/// <summary>
/// The pipeline's entry to scGPT training: a model manifest's hyperparameters map and budget in, TrainStats (seed card
/// schema, also written to OUT/training_stats.json) and a predictor out. OUT ends up a complete scGPT model folder
/// (args.json, vocab.json, best_model.pt; classes.json for annotation) plus checkpoint/ for resuming: calling again
/// with the same OUT after an interruption continues from the last finished epoch.
/// </summary>
public static class ScgptTrainer
{
    /// <param name="pretrainedDir">The resolved folder when the manifest's `pretrained` names one (null = from scratch).</param>
    public static (TrainStats Stats, ScgptPerturbationPredictor Predictor) TrainPerturbation(
        AnnData.AnnotatedData data, string conditionColumn, string controlLabel,
        IReadOnlyList<string> trainConditions, IReadOnlyList<string> valConditions,
        IReadOnlyDictionary<string, object?> hyperparameters, TrainingBudget budget, long seed, string outDir,
        string? pretrainedDir = null, string source = "model manifest")
    {
        var recipe = ScgptRecipe.FromHyperparameters(hyperparameters, ModelTask.Perturbation, source);
        return ScgptPerturbationTrainer.Train(new PerturbationTrainRequest(data, conditionColumn, controlLabel, trainConditions,
            valConditions, recipe, budget, seed, outDir, pretrainedDir, source));
    }

    /// <summary>Annotation: obs_names of the training and validation cells and the label column.</summary>
    public static (TrainStats Stats, ScgptAnnotationPredictor Predictor) TrainAnnotation(
        AnnData.AnnotatedData data, string labelColumn, IReadOnlyList<string> trainCells, IReadOnlyList<string> valCells,
        IReadOnlyDictionary<string, object?> hyperparameters, TrainingBudget budget, long seed, string outDir,
        string? pretrainedDir = null, string source = "model manifest")
    {
        var recipe = ScgptRecipe.FromHyperparameters(hyperparameters, ModelTask.Annotation, source);
        return ScgptAnnotationTrainer.Train(new AnnotationTrainRequest(data, labelColumn, trainCells, valCells, recipe, budget, seed,
            outDir, pretrainedDir, source));
    }
}
