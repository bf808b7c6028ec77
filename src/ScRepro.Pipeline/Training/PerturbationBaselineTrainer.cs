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
    public string Task => "perturbation";

    public TrainOutcome Train(TrainRequest request)
    {
        var exp = request.Context.Experiment;
        var cols = new PerturbationColumns(exp.Columns.Perturbation!, exp.Columns.Control!);
        var trainConditions = request.Split.Train.Concat(request.Split.Val).Append(cols.Control).Distinct(StringComparer.Ordinal).ToList();
        var predictor = PerturbationBaselines.Fit(kind, request.Data, cols, trainConditions, request.Model.Hyperparameters, checked((int)request.Seed));
        var predicted = predictor.Predict(request.Split.Test.Append(cols.Control).Distinct(StringComparer.Ordinal).ToList());
        AnnDataFile.Write(Path.Combine(request.OutputDir, "predictions.h5ad"), predicted);
        var details = new Dictionary<string, object?>
        {
            ["cells_seen"] = (long)request.Data.NObs,
            ["train_conditions"] = (long)trainConditions.Count,
            ["test_conditions"] = (long)request.Split.Test.Count,
        };
        foreach (var (k, v) in predictor.Hyperparameters) details["chosen_" + k] = v;
        return new TrainOutcome(TrainReasons.Converged, details,
            [new OutputFile("predictions.h5ad", $"predicted profiles of the {request.Split.Test.Count} test conditions and the control (one row per real cell, the predicted mean)")]);
    }
}
