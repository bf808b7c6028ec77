using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;
using ScRepro.Evaluation.Annotation;
using ScRepro.Models.Geneformer;
using ScRepro.Models.Geneformer.Annotation;
using ScRepro.Models.Training;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// Geneformer cell-type fine-tuning as the Train-stage kind geneformer_annotation. `pretrained` names a model folder
/// under data/ (config.json + model.safetensors or pytorch_model.bin), `token_dictionary` / `gene_median_dictionary`
/// its pickles; with none, a random-weight model on dictionaries built from the training cells. The unit's folder is
/// an HF-style classifier folder (config.json, model.safetensors) beside the predictions.
/// </summary>
public sealed class GeneformerTrainerAdapter : ITrainer
{
    public string Kind => "geneformer_annotation";
    public ModelTask Task => ModelTask.Annotation;
    public bool Resumable => true;
    public bool UsesLibtorch => true;

    public TrainOutcome Train(TrainRequest request)
    {
        var ctx = request.Context;
        var model = request.Model;
        var source = model.Origin.File;
        var recipe = GeneformerRecipe.FromHyperparameters(model.Hyperparameters, source);
        var budget = new TrainingBudget(
            ParameterReader.Narrow(model.Budget.Epochs, source, "budget.epochs"), model.Budget.MaxSteps, model.Budget.MaxWallClockS,
            model.Budget.EarlyStoppingMetric, ParameterReader.Narrow(model.Budget.Patience, source, "budget.patience")).Validated(source);
        string Resolve(string name, string key, bool folder)
        {
            var path = Core.Manifests.SafePath.Resolve(Path.Combine(ctx.Root, "data"), name, $"{source}: key 'hyperparameters.{key}'");
            if (folder ? !Directory.Exists(path) : !File.Exists(path))
                throw new ScReproException($"{source}: key 'hyperparameters.{key}': {path} does not exist (download it from ctheodoris/Geneformer there)");
            return path;
        }
        var pretrained = recipe.Pretrained is { } dir ? Resolve(dir, "pretrained", folder: true) : null;
        (string, string)? dictionaries = recipe.TokenDictionary is { } t
            ? (Resolve(t, "token_dictionary", false), Resolve(recipe.MedianDictionary!, "gene_median_dictionary", false)) : null;
        var mapping = recipe.GeneMapping is { } gm ? Resolve(gm, "gene_mapping", false) : null;
        Torch.torch.set_num_threads(TrainerRegistry.TorchThreads);
        var label = ctx.Experiment.Columns.Label!;
        var (stats, predicted) = GeneformerAnnotationTrainer.Train(new GeneformerTrainRequest(request.Data, label, request.Split.Train,
            request.Split.Val, request.Split.Test, recipe, budget, request.Seed, request.OutputDir, pretrained, dictionaries, source, mapping));
        var rowOf = request.Data.ObsNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var truth = request.Data.Obs[label];
        PredictionsCsv.Write(Path.Combine(request.OutputDir, "predictions.csv"), request.Split.Test.Select((c, i) =>
            new LabelledPrediction(c, truth.GetString(rowOf[c]) ?? "", predicted[i])));
        var details = stats.Details with
        {
            BaseModel = pretrained is null
                ? "None: Geneformer's BERT architecture trained from random weights (no pretrained checkpoint)."
                : $"Geneformer weights from {Path.GetRelativePath(ctx.Root, pretrained)} (pooler and classifier newly initialised).",
            Files =
            [
                new OutputFile(GeneformerFiles.BestModel, "fine-tuned BertForSequenceClassification state dict (safetensors)"),
                new OutputFile(GeneformerFiles.Config, "the BERT configuration the weights fit"),
                new OutputFile(GeneformerFiles.Classes, "class names in logit order"),
                new OutputFile("predictions.csv", $"true and predicted cell type of each of the {request.Split.Test.Count} test cells"),
            ],
        };
        return new TrainOutcome(stats.Reason, details);
    }
}
