using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;
using ScRepro.Evaluation.Annotation;
using ScRepro.Models.Scbert;
using ScRepro.Models.Scbert.Annotation;
using ScRepro.Models.Training;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// scBERT cell-type fine-tuning as the Train-stage kind scbert_annotation. The manifest's `pretrained` names a
/// scBERT checkpoint file under data/ (panglao_pretrain.pth-shaped; null: random weights); the unit's folder holds
/// scbert_best.pth (loadable by scBERT's scripts), its config and classes beside the predictions.
/// </summary>
public sealed class ScbertTrainerAdapter : ITrainer
{
    public string Kind => "scbert_annotation";
    public ModelTask Task => ModelTask.Annotation;
    public bool Resumable => true;
    public bool UsesLibtorch => true;

    public TrainOutcome Train(TrainRequest request)
    {
        var ctx = request.Context;
        var exp = ctx.Experiment;
        var model = request.Model;
        var source = model.Origin.File;
        var recipe = ScbertRecipe.FromHyperparameters(model.Hyperparameters, source);
        var budget = new TrainingBudget(
            ParameterReader.Narrow(model.Budget.Epochs, source, "budget.epochs"), model.Budget.MaxSteps, model.Budget.MaxWallClockS,
            model.Budget.EarlyStoppingMetric, ParameterReader.Narrow(model.Budget.Patience, source, "budget.patience")).Validated(source);
        var pretrained = PretrainedFile(ctx, recipe, source);
        // As for scGPT: every core, recorded in the card's hardware line.
        Torch.torch.set_num_threads(TrainerRegistry.TorchThreads);
        var label = exp.Columns.Label!;
        var (stats, predicted) = ScbertAnnotationTrainer.Train(new ScbertTrainRequest(request.Data, label, request.Split.Train,
            request.Split.Val, request.Split.Test, recipe, budget, request.Seed, request.OutputDir, pretrained, source));
        var rowOf = request.Data.ObsNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        var truth = request.Data.Obs[label];
        PredictionsCsv.Write(Path.Combine(request.OutputDir, "predictions.csv"), request.Split.Test.Select((c, i) =>
            new LabelledPrediction(c, truth.GetString(rowOf[c]) ?? "", predicted[i])));
        var details = stats.Details with
        {
            BaseModel = pretrained is null
                ? "None: the scBERT architecture trained from random weights (no pretrained checkpoint)."
                : $"scBERT checkpoint {Path.GetRelativePath(ctx.Root, pretrained)} ({(recipe.Init == "pretrained" ? "every weight" : "its gene2vec rows only")}).",
            Files =
            [
                new OutputFile(ScbertFiles.BestModel, "fine-tuned weights in scBERT's save_best_ckpt layout ({epoch, model_state_dict, losses}; torch.save zip)"),
                new OutputFile(ScbertFiles.Config, "the PerformerLM configuration the weights fit"),
                new OutputFile(ScbertFiles.Classes, "class names in logit order"),
                new OutputFile("predictions.csv", $"true and predicted cell type of each of the {request.Split.Test.Count} test cells"),
            ],
        };
        return new TrainOutcome(stats.Reason, details);
    }

    private static string? PretrainedFile(RunContext ctx, ScbertRecipe recipe, string source)
    {
        if (recipe.Pretrained is not { } name) return null;
        var path = Core.Manifests.SafePath.Resolve(Path.Combine(ctx.Root, "data"), name, $"{source}: key 'hyperparameters.pretrained'");
        if (!File.Exists(path))
            throw new ScReproException($"{source}: key 'hyperparameters.pretrained': {path} does not exist (download scBERT's panglao_pretrain.pth there)");
        return path;
    }
}
