using ScRepro.Contracts;
using ScRepro.AnnData;
using ScRepro.Baselines.Perturbation;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// The perturbation baselines (control mean, train mean, additive, linear PCA ridge) as Train-stage kinds: fitted on
/// the training conditions, they predict every test condition and the control, written as predictions.h5ad.
/// </summary>
public sealed class PerturbationBaselineTrainer(string kind) : ITrainer
{
    public string Kind => kind;
    public ModelTask Task => ModelTask.Perturbation;

    public TrainOutcome Train(TrainRequest request)
    {
        var exp = request.Context.Experiment;
        var cols = new PerturbationColumns(exp.Columns.Perturbation!, exp.Columns.Control!);
        var trainConditions = request.Split.Train.Concat(request.Split.Val).Append(cols.Control).Distinct(StringComparer.Ordinal).ToList();
        var predictor = PerturbationBaselines.Fit(kind, request.Data, cols, trainConditions, request.Model.Hyperparameters, checked((int)request.Seed),
            request.Model.Origin.File);
        var predicted = predictor.Predict(request.Split.Test.Append(cols.Control).Distinct(StringComparer.Ordinal).ToList());
        AnnDataFile.Write(Path.Combine(request.OutputDir, "predictions.h5ad"), predicted);
        var details = new ClosedFormDetails(TrainConditions: trainConditions.Count, TestConditions: request.Split.Test.Count)
        {
            CellsSeen = request.Data.NObs,
            Chosen = [.. predictor.Hyperparameters.Select(kv => new ChosenValue(kv.Key, Number: kv.Value))],
            Files = [new OutputFile("predictions.h5ad", $"predicted profiles of the {request.Split.Test.Count} test conditions and the control (one row per real cell, the predicted mean)")],
        };
        return new TrainOutcome(StopReason.Converged, details);
    }
}
