using System.Globalization;
using System.Text;
using ScRepro.Foundation.IO;

namespace ScRepro.Evaluation.Annotation;

/// <summary>
/// Writes an <see cref="AnnotationEvaluation"/>: metrics.json (per run, summary, t-tests), per_class.csv
/// (run,label,precision,recall,f1,support) and confusion_matrix.csv (run,true,pred,count, non-zero cells).
/// Everything is computed before the first file is written; each file is written atomically.
/// </summary>
public static class AnnotationReportWriter
{
    public static void Write(string dir, AnnotationEvaluation e)
    {
        var json = Json.Serialize(new
        {
            runs = e.Runs.Select((name, i) => new
            {
                run = name,
                accuracy = e.Reports[i].Accuracy,
                macro_f1 = e.Reports[i].MacroF1,
                macro_precision = e.Reports[i].MacroPrecision,
                macro_recall = e.Reports[i].MacroRecall,
                weighted_f1 = e.Reports[i].WeightedF1,
                n_samples = e.Reports[i].NSamples,
                n_labels = e.Reports[i].Labels.Count,
            }),
            summary = e.Summary,
            ci_formula = "population SD / sqrt(n) * t(0.975, n-1) (Boiarsky et al.)",
            baseline_runs = e.BaselineRuns,
            baseline_summary = e.BaselineSummary,
            t_tests = e.TTests,
            t_test = e.TTests is null ? null : "scipy.stats.ttest_ind, two-sided, equal variances, runs vs baseline runs",
        });
        var perClass = new StringBuilder("run,label,precision,recall,f1,support\n");
        var confusion = new StringBuilder("run,true,pred,count\n");
        for (var i = 0; i < e.Runs.Count; i++)
        {
            var r = e.Reports[i];
            foreach (var c in r.PerClass)
                perClass.Append(Csv.Line([e.Runs[i], c.Label, F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString(CultureInfo.InvariantCulture)])).Append('\n');
            for (var t = 0; t < r.Labels.Count; t++)
                for (var p = 0; p < r.Labels.Count; p++)
                    if (r.ConfusionMatrix[t][p] != 0)
                        confusion.Append(Csv.Line([e.Runs[i], r.Labels[t], r.Labels[p], r.ConfusionMatrix[t][p].ToString(CultureInfo.InvariantCulture)])).Append('\n');
        }
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(Path.Combine(dir, "metrics.json"), json);
        AtomicFile.WriteAllText(Path.Combine(dir, "per_class.csv"), perClass.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, "confusion_matrix.csv"), confusion.ToString());
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
