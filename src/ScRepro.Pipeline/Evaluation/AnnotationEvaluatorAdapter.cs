using System.Globalization;
using System.Text;
using ScRepro.Core.Errors;
using ScRepro.Core.IO;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Pipeline.Evaluation;

/// <summary>
/// The Evaluate stage for annotation experiments: sklearn's accuracy, macro F1, per-class precision/recall/F1/support
/// and the confusion matrix, from the trainer's predictions.csv.
/// </summary>
public sealed class AnnotationEvaluatorAdapter : IEvaluator
{
    public string Task => "annotation";

    public IReadOnlyList<string> Outputs { get; } = ["metrics.json", "per_class.csv", "confusion_matrix.csv"];

    public (IReadOnlyList<MetricStats> Metrics, IReadOnlyDictionary<string, string> Notes) Evaluate(EvalRequest request)
    {
        var predictions = PredictionsCsv.Read(Path.Combine(request.TrainDir, "predictions.csv"));
        var truth = predictions.Select(p => p.True).ToList();
        var predicted = predictions.Select(p => p.Predicted).ToList();
        var report = ClassificationMetrics.Compute(truth, predicted);
        Json.WriteFile(Path.Combine(request.OutputDir, "metrics.json"), report);
        var perClass = new StringBuilder("label,precision,recall,f1,support\n");
        foreach (var c in report.PerClass)
            perClass.Append(CultureInfo.InvariantCulture, $"{Quote(c.Label)},{c.Precision:R},{c.Recall:R},{c.F1:R},{c.Support}\n");
        AtomicFile.WriteAllText(Path.Combine(request.OutputDir, "per_class.csv"), perClass.ToString());
        var confusion = new StringBuilder("true\\predicted," + string.Join(",", report.Labels.Select(Quote)) + "\n");
        for (var i = 0; i < report.Labels.Count; i++)
            confusion.Append(Quote(report.Labels[i])).Append(',').Append(string.Join(",", report.ConfusionMatrix[i])).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(request.OutputDir, "confusion_matrix.csv"), confusion.ToString());
        MetricStats One(string name, double v) => new(name, v, v, v, 1, 0);
        return ([One("accuracy", report.Accuracy), One("macro_f1", report.MacroF1), One("macro_precision", report.MacroPrecision),
            One("macro_recall", report.MacroRecall), One("weighted_f1", report.WeightedF1)], new Dictionary<string, string>());
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
