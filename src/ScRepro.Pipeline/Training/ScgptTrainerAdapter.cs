using ScRepro.AnnData;
using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;
using ScRepro.Evaluation.Annotation;
using ScRepro.Models.Scgpt;
using ScRepro.Models.Scgpt.Annotation;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Perturbation;
using ScRepro.Models.Training;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// scGPT's two fine-tuning recipes as Train-stage kinds (scgpt_perturbation, scgpt_annotation). The manifest's
/// `pretrained` names a dataset folder under data/ holding args.json, vocab.json and best_model.pt (null: from
/// scratch); the unit's folder becomes a complete scGPT model folder beside the predictions.
/// </summary>
public sealed class ScgptTrainerAdapter(ModelTask task) : ITrainer, IRepredictable
{
    public string Kind => "scgpt_" + task.Name();
    public ModelTask Task => task;
    public bool Resumable => true;
    public bool UsesLibtorch => true;

    public TrainOutcome Train(TrainRequest request)
    {
        var ctx = request.Context;
        var exp = ctx.Experiment;
        var model = request.Model;
        var file = model.Origin.File;
        var budget = new TrainingBudget(
            ParameterReader.Narrow(model.Budget.Epochs, file, "budget.epochs"), model.Budget.MaxSteps, model.Budget.MaxWallClockS,
            model.Budget.EarlyStoppingMetric, ParameterReader.Narrow(model.Budget.Patience, file, "budget.patience")).Validated(file);
        var pretrained = PretrainedDir(ctx, model);
        // libtorch starts with one intra-op thread on this Debian build (OpenMP reports 1); training uses every core.
        // The count is in the card's hardware line: float sums, hence the last digits, depend on it.
        Torch.torch.set_num_threads(TrainerRegistry.TorchThreads);
        TrainStats stats;
        if (task == ModelTask.Perturbation)
        {
            (stats, var predictor) = ScgptTrainer.TrainPerturbation(request.Data, exp.Columns.Perturbation!, exp.Columns.Control!,
                request.Split.Train, request.Split.Val, model.Hyperparameters, budget, request.Seed, request.OutputDir, pretrained,
                model.Origin.File);
            using (predictor) WritePredictions(predictor, request);
        }
        else
        {
            (stats, var predictor) = ScgptTrainer.TrainAnnotation(request.Data, exp.Columns.Label!, request.Split.Train, request.Split.Val,
                model.Hyperparameters, budget, request.Seed, request.OutputDir, pretrained, model.Origin.File);
            using (predictor) WritePredictions(predictor, request);
        }
        var details = stats.Details with
        {
            BaseModel = pretrained is null
                ? "None: the scGPT architecture trained from scratch (no pretrained weights)."
                : $"scGPT pretrained weights from {Path.GetRelativePath(ctx.Root, pretrained)} (args.json, vocab.json, best_model.pt).",
            Files = Files(task, request.Split.Test.Count),
        };
        return new TrainOutcome(stats.Reason, details);
    }

    /// <summary>Perturbation pairs each cell with a seeded random control; annotation bins ties and subsets long cells from its seed.</summary>
    public bool SeedDependent => true;

    public string? CannotRepredict(string folder)
    {
        string[] needed = task == ModelTask.Perturbation
            ? ["best_model.pt", "args.json", "vocab.json"]
            : ["best_model.pt", "args.json", "vocab.json", ScgptAnnotationTrainer.ClassesFile];
        if (CpuSize.Missing(folder, "scGPT", needed) is { } missing) return missing;
        var args = ScgptArgs.Load(Path.Combine(folder, "args.json"));
        return CpuSize.NeedsGpu("args.json's scGPT", args.NLayers, args.EmbSize);
    }

    public void Repredict(TrainRequest request, string folder)
    {
        Torch.torch.set_num_threads(TrainerRegistry.TorchThreads);
        var exp = request.Context.Experiment;
        if (task == ModelTask.Perturbation)
        {
            // The two settings the fine-tuned config takes from the recipe (read as training read it), not from args.json.
            var recipe = ScgptRecipe.FromHyperparameters(request.Model.Hyperparameters, ModelTask.Perturbation, request.Model.Origin.File);
            using var predictor = ScgptPerturbationPredictor.FromFolder(folder, exp.Columns.Perturbation!, recipe.PadValue, recipe.PertPadId);
            WritePredictions(predictor, request);
        }
        else
        {
            using var predictor = ScgptAnnotationPredictor.FromFolder(folder);
            WritePredictions(predictor, request);
        }
    }

    /// <summary>predictions.h5ad: the test conditions and the control, each cell paired with a control drawn from the seed.</summary>
    private static void WritePredictions(ScgptPerturbationPredictor predictor, TrainRequest request)
    {
        var exp = request.Context.Experiment;
        var dataset = PerturbationDataset.FromAnnData(request.Data, exp.Columns.Perturbation!, exp.Columns.Control!, exp.File);
        var predicted = predictor.Predict(dataset, request.Split.Test.Prepend(exp.Columns.Control!).ToList(), request.Seed);
        AnnDataFile.Write(Path.Combine(request.OutputDir, "predictions.h5ad"), predicted);
    }

    /// <summary>predictions.csv and predictions.parquet (with each class's softmax probability) for the test cells.</summary>
    private static void WritePredictions(ScgptAnnotationPredictor predictor, TrainRequest request)
    {
        var (labels, probabilities) = predictor.PredictWithProbabilities(request.Data, TestPredictions.DataRows(request),
            request.Context.Experiment.Columns.Label!, request.Seed);
        var predictions = TestPredictions.Rows(request, labels);
        PredictionsCsv.Write(Path.Combine(request.OutputDir, "predictions.csv"), predictions);
        PredictionsParquet.Write(Path.Combine(request.OutputDir, PredictionsParquet.File), predictions, predictor.Classes, probabilities);
    }

    private static IReadOnlyList<OutputFile> Files(ModelTask task, int testCount) =>
        [
            new OutputFile("best_model.pt", "fine-tuned state dict in torch.save format; loads into scGPT's "
                + (task == ModelTask.Perturbation ? "TransformerGenerator" : "TransformerModel (with its ClsDecoder head)")),
            new OutputFile("args.json", "scGPT model arguments"),
            new OutputFile("vocab.json", "gene vocabulary"),
            task == ModelTask.Perturbation
                ? new OutputFile("predictions.h5ad", $"predicted profiles of the {testCount} test conditions and the control")
                : new OutputFile("predictions.csv", $"true and predicted cell type of each of the {testCount} test cells"),
            .. task == ModelTask.Perturbation ? Array.Empty<OutputFile>()
                : [new OutputFile(PredictionsParquet.File, "the same rows with the softmax probability of each class (prob_<class>)"),
                   new OutputFile(ScgptAnnotationTrainer.ClassesFile, "class names in logit order")],
        ];

    private static string? PretrainedDir(RunContext ctx, Core.Manifests.ModelManifest model)
    {
        if (!model.Hyperparameters.TryGetValue("pretrained", out var value) || value is null) return null;
        if (value is not string name)
            throw new ScReproException($"{model.Origin.File}: key 'hyperparameters.pretrained': expected a dataset id, got '{value}'");
        var dir = Core.Manifests.SafePath.Resolve(Path.Combine(ctx.Root, "data"), name, $"{model.Origin.File}: key 'hyperparameters.pretrained'");
        if (!File.Exists(Path.Combine(dir, "best_model.pt")))
            throw new ScReproException($"{model.Origin.File}: key 'hyperparameters.pretrained': {dir} has no best_model.pt (download the scGPT whole-human folder there)");
        return dir;
    }
}
