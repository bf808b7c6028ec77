using ScRepro.Contracts;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Pipeline.Evaluation;

/// <summary>
/// The Evaluate stage for annotation experiments: sklearn's accuracy, macro F1, per-class precision/recall/F1/support
/// and the confusion matrix, from the trainer's predictions.csv, written exactly as `screpro eval annotation` writes them.
/// </summary>
public sealed class AnnotationEvaluatorAdapter : IEvaluator
{
    public ModelTask Task => ModelTask.Annotation;

    public IReadOnlyList<string> Outputs { get; } = ["metrics.json", "per_class.csv", "confusion_matrix.csv"];

    public (IReadOnlyList<MetricStats> Metrics, IReadOnlyDictionary<string, string> Notes) Evaluate(EvalRequest request)
    {
        var predictions = PredictionsCsv.Read(Path.Combine(request.TrainDir, "predictions.csv"));
        var evaluation = AnnotationEvaluation.Compute([(Path.GetFileName(request.TrainDir), predictions)]);
        AnnotationReportWriter.Write(request.OutputDir, evaluation);
        var report = evaluation.Reports[0];
        MetricStats One(string name) => new(name, AnnotationEvaluation.Metric(report, name), AnnotationEvaluation.Metric(report, name),
            AnnotationEvaluation.Metric(report, name), 1, 0, MetricDirection.HigherIsBetter);
        return ([One("accuracy"), One("macro_f1"), One("macro_precision"), One("macro_recall"), One("weighted_f1")],
            new Dictionary<string, string>());
    }
}
