namespace ScRepro.Evaluation.Annotation;

/// <summary>Summary over runs (seeds) of one model, and optionally a t-test against another model's runs.</summary>
public sealed record AnnotationEvaluation(
    IReadOnlyList<string> Runs,
    IReadOnlyList<ClassificationReport> Reports,
    IReadOnlyDictionary<string, SeedSummary> Summary,
    IReadOnlyList<string>? BaselineRuns,
    IReadOnlyDictionary<string, SeedSummary>? BaselineSummary,
    IReadOnlyDictionary<string, TTestResult>? TTests)
{
    /// <summary>The metrics summarised over seeds and compared between models.</summary>
    public static IReadOnlyList<string> SummaryMetrics { get; } = ["accuracy", "macro_f1", "macro_precision", "macro_recall"];

    public static double Metric(ClassificationReport r, string name) => name switch
    {
        "accuracy" => r.Accuracy,
        "macro_f1" => r.MacroF1,
        "macro_precision" => r.MacroPrecision,
        "macro_recall" => r.MacroRecall,
        "weighted_f1" => r.WeightedF1,
        _ => throw new ArgumentException($"unknown metric '{name}'"),
    };

    /// <summary>
    /// Metrics per run, mean/std/CI over runs, and, with <paramref name="baseline"/> runs, scipy's two-sided
    /// equal-variance ttest_ind per metric (Boiarsky et al.'s test); needs ≥ 2 runs on each side.
    /// </summary>
    public static AnnotationEvaluation Compute(IReadOnlyList<(string Name, IReadOnlyList<LabelledPrediction> Rows)> runs,
        IReadOnlyList<(string Name, IReadOnlyList<LabelledPrediction> Rows)>? baseline = null)
    {
        var reports = runs.Select(r => ClassificationMetrics.Compute(r.Rows.Select(x => x.True).ToArray(), r.Rows.Select(x => x.Predicted).ToArray())).ToArray();
        var summary = SummaryMetrics.ToDictionary(m => m, m => SeedSummary.Of(reports.Select(r => Metric(r, m)).ToArray()));
        if (baseline is null || baseline.Count == 0)
            return new AnnotationEvaluation(runs.Select(r => r.Name).ToArray(), reports, summary, null, null, null);
        var baseReports = baseline.Select(r => ClassificationMetrics.Compute(r.Rows.Select(x => x.True).ToArray(), r.Rows.Select(x => x.Predicted).ToArray())).ToArray();
        var baseSummary = SummaryMetrics.ToDictionary(m => m, m => SeedSummary.Of(baseReports.Select(r => Metric(r, m)).ToArray()));
        Dictionary<string, TTestResult>? tests = null;
        if (reports.Length >= 2 && baseReports.Length >= 2)
            tests = SummaryMetrics.ToDictionary(m => m, m => TTest.Independent(
                reports.Select(r => Metric(r, m)).ToArray(), baseReports.Select(r => Metric(r, m)).ToArray()));
        return new AnnotationEvaluation(runs.Select(r => r.Name).ToArray(), reports, summary,
            baseline.Select(b => b.Name).ToArray(), baseSummary, tests);
    }
}
