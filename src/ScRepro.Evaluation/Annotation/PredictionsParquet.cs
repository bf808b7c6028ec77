using ScRepro.Foundation.Errors;
using ScRepro.Tables;

namespace ScRepro.Evaluation.Annotation;

/// <summary>
/// predictions.parquet, beside predictions.csv: per test cell obs_name, true, pred and, where the model gives them,
/// one <c>prob_&lt;class&gt;</c> column per class (classes in the model's order; each row sums to 1).
/// </summary>
public static class PredictionsParquet
{
    public const string File = "predictions.parquet";

    /// <summary>The prefix of each probability column's name.</summary>
    public const string ProbabilityPrefix = "prob_";

    /// <summary>
    /// Writes the rows; <paramref name="probabilities"/> (one row per prediction, one value per class in
    /// <paramref name="classes"/>) may be null for a model that gives labels only.
    /// </summary>
    public static void Write(string path, IReadOnlyList<LabelledPrediction> rows, IReadOnlyList<string>? classes = null,
        IReadOnlyList<double[]>? probabilities = null)
    {
        var columns = new List<TableColumn>
        {
            TableColumn.Text("obs_name", rows.Select(r => (string?)r.ObsName).ToArray()),
            TableColumn.Text("true", rows.Select(r => (string?)r.True).ToArray()),
            TableColumn.Text("pred", rows.Select(r => (string?)r.Predicted).ToArray()),
        };
        if (probabilities is not null)
        {
            if (classes is null || probabilities.Count != rows.Count || probabilities.Any(p => p.Length != classes.Count))
                throw new ScReproException($"{path}: {probabilities.Count} probability rows for {rows.Count} predictions and {classes?.Count ?? 0} classes");
            for (var c = 0; c < classes.Count; c++)
            {
                var k = c;
                columns.Add(TableColumn.Float64(ProbabilityPrefix + classes[c], probabilities.Select(p => p[k])));
            }
        }
        ParquetTable.Write(path, new Table(columns));
    }
}
