using System.Globalization;
using ScRepro.Contracts;
using ScRepro.Baselines.Logistic;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// L1 logistic regression (liblinear semantics) as the Train-stage kind logreg_l1: C fixed or chosen by stratified
/// 5-fold CV on the training cells; predictions.csv holds each test cell's true and predicted label.
/// </summary>
public sealed class LogisticTrainer : ITrainer
{
    public string Kind => "logreg_l1";
    public ModelTask Task => ModelTask.Annotation;

    public TrainOutcome Train(TrainRequest request)
    {
        var exp = request.Context.Experiment;
        var settings = LogisticRunSettings.FromHyperparameters(request.Model.Hyperparameters, checked((int)request.Seed), request.Model.Origin.File);
        var trainCells = request.Split.Train.Concat(request.Split.Val).ToList();
        var result = LogisticBaseline.Run(request.Data, exp.Columns.Label!, trainCells, request.Split.Test, settings,
            ScRepro.Terminal.Output.Info);
        var rows = result.Predictions.Select(p => new LabelledPrediction(p.ObsName, p.TrueLabel, p.PredictedLabel)).ToList();
        PredictionsCsv.Write(Path.Combine(request.OutputDir, "predictions.csv"), rows);
        PredictionsParquet.Write(Path.Combine(request.OutputDir, PredictionsParquet.File), rows, result.Model.Classes, result.Probabilities);
        var details = new LogisticDetails(TestCells: result.NTest, Converged: result.Converged)
        {
            CellsSeen = result.NTrain,
            Chosen =
            [
                new ChosenValue("C", Number: result.C),
                new ChosenValue("C_by", Text: result.CrossValidation is null ? "fixed in the manifest" : $"stratified {settings.CvFolds}-fold CV (unshuffled) over {string.Join(", ", settings.Grid.Select(g => g.ToString("G", CultureInfo.InvariantCulture)))}"),
            ],
            Files =
            [
                new OutputFile("predictions.csv", $"true and predicted label of each of the {result.NTest} test cells"),
                new OutputFile(PredictionsParquet.File, "the same rows with predict_proba per class (prob_<class>)"),
            ],
        };
        return new TrainOutcome(result.Converged ? StopReason.Converged : StopReason.MaxEpochs, details);
    }
}
