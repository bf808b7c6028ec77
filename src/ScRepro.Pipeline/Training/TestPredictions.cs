using ScRepro.Evaluation.Annotation;

namespace ScRepro.Pipeline.Training;

/// <summary>An annotation trainer's predictions.csv: one row per test cell of the split, in split order.</summary>
public static class TestPredictions
{
    /// <summary>The data's row of each test cell, in split order.</summary>
    public static IReadOnlyList<int> DataRows(TrainRequest request)
    {
        var rowOf = request.Data.ObsNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        return request.Split.Test.Select(c => rowOf[c]).ToList();
    }

    /// <summary>The test cells with their true label (obs[label]) and <paramref name="predicted"/>[i] for the i-th.</summary>
    public static IReadOnlyList<LabelledPrediction> Rows(TrainRequest request, IReadOnlyList<string> predicted)
    {
        var truth = request.Data.Obs[request.Context.Experiment.Columns.Label!];
        return DataRows(request).Select((r, i) => new LabelledPrediction(request.Data.ObsNames[r], truth.GetString(r) ?? "", predicted[i])).ToList();
    }

    public static void WriteCsv(TrainRequest request, IReadOnlyList<string> predicted) =>
        PredictionsCsv.Write(Path.Combine(request.OutputDir, "predictions.csv"), Rows(request, predicted));
}
