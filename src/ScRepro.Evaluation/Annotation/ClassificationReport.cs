namespace ScRepro.Evaluation.Annotation;

/// <summary>sklearn's metrics for one set of predictions (macro = unweighted mean over <see cref="Labels"/>).</summary>
public sealed record ClassificationReport(
    double Accuracy,
    double MacroF1,
    double MacroPrecision,
    double MacroRecall,
    double WeightedF1,
    int NSamples,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] ConfusionMatrix);

/// <summary>One row of sklearn's classification_report (zero_division → 0).</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
