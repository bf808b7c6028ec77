using System.Globalization;
using System.Text;
using ScRepro.Foundation.IO;
using ScRepro.Evaluation.Perturbation.De;

namespace ScRepro.Evaluation.Perturbation.Results;

/// <summary>Writes cell-eval's four files (results.csv, agg_results.csv, real_de.csv, pred_de.csv), each atomically.</summary>
public static class PerturbationCsvWriter
{
    public const string ResultsFile = "results.csv";
    public const string AggResultsFile = "agg_results.csv";
    public const string RealDeFile = "real_de.csv";
    public const string PredDeFile = "pred_de.csv";
    public const string PaperMetricsFile = "paper_metrics.csv";

    /// <summary>Writes cell-eval's four files plus paper_metrics.csv into <paramref name="directory"/> (created if needed).</summary>
    public static void WriteAll(PerturbationEvaluation evaluation, string directory)
    {
        Directory.CreateDirectory(directory);
        // Render everything first, so a failure leaves no file behind; each file then lands by rename.
        var files = new (string Name, string Text)[]
        {
            (ResultsFile, Results(evaluation.Results)),
            (AggResultsFile, AggResults(evaluation.Aggregates)),
            (RealDeFile, DeTableCsv(evaluation.RealDe)),
            (PredDeFile, DeTableCsv(evaluation.PredDe)),
            (PaperMetricsFile, PaperMetrics(evaluation.Papers)),
        };
        foreach (var (name, text) in files) AtomicFile.WriteAllText(Path.Combine(directory, name), text);
    }

    /// <summary>results.csv: "perturbation", then one column per metric.</summary>
    public static string Results(ResultsTable table)
    {
        var sb = new StringBuilder();
        CsvFormat.Line(sb, table.Metrics.Prepend("perturbation").Select(CsvFormat.Text));
        foreach (var p in table.Perturbations)
            CsvFormat.Line(sb, table.Metrics.Select(m => CsvFormat.Number(table[p, m])).Prepend(CsvFormat.Text(p)));
        return sb.ToString();
    }

    /// <summary>agg_results.csv: "statistic", then one column per metric; rows count … max.</summary>
    public static string AggResults(IReadOnlyList<MetricSummary> summaries)
    {
        var sb = new StringBuilder();
        CsvFormat.Line(sb, summaries.Select(s => CsvFormat.Text(s.Metric)).Prepend("statistic"));
        foreach (var stat in MetricSummary.Statistics)
            CsvFormat.Line(sb, summaries.Select(s => CsvFormat.Number(s.Get(stat))).Prepend(stat));
        return sb.ToString();
    }

    /// <summary>paper_metrics.csv (ours, beside cell-eval's four files): GEARS/scGPT Pearson values per perturbation.</summary>
    public static string PaperMetrics(IReadOnlyList<Papers.PaperPearsonRow> rows)
    {
        var sb = new StringBuilder();
        CsvFormat.Line(sb, ["perturbation", "pearson", "pearson_de", "pearson_delta", "pearson_de_delta", "de_genes_source", "de_genes"]);
        foreach (var r in rows)
            CsvFormat.Line(sb, [CsvFormat.Text(r.Perturbation), CsvFormat.Number(r.Pearson), CsvFormat.Number(r.PearsonDe),
                CsvFormat.Number(r.PearsonDelta), CsvFormat.Number(r.PearsonDeDelta), CsvFormat.Text(r.DeGenesSource),
                CsvFormat.Text(string.Join(';', r.DeGenes))]);
        return sb.ToString();
    }

    /// <summary>pdex's DE table columns, one row per (target, feature), targets sorted and features in var order.</summary>
    public static string DeTableCsv(DeTable table)
    {
        var sb = new StringBuilder();
        CsvFormat.Line(sb, ["target", "feature", "target_mean", "ref_mean", "target_membership", "ref_membership",
            "fold_change", "log2_fold_change", "percent_change", "p_value", "statistic", "fdr"]);
        foreach (var t in table.Targets)
        {
            var target = CsvFormat.Text(t.Target);
            var tm = t.TargetMembership.ToString(CultureInfo.InvariantCulture);
            var rm = t.ReferenceMembership.ToString(CultureInfo.InvariantCulture);
            for (var g = 0; g < table.Features.Length; g++)
            {
                CsvFormat.Line(sb, [target, CsvFormat.Text(table.Features[g]), CsvFormat.Number(t.TargetMean[g]),
                    CsvFormat.Number(t.ReferenceMean[g]), tm, rm,
                    // fold_change is pdex 0.2's deprecated alias holding the log2 values.
                    CsvFormat.Number(t.Log2FoldChange[g]), CsvFormat.Number(t.Log2FoldChange[g]),
                    CsvFormat.Number(t.PercentChange[g]), CsvFormat.Number(t.PValue[g]), CsvFormat.Number(t.Statistic[g]),
                    CsvFormat.Number(t.Fdr[g])]);
            }
        }
        return sb.ToString();
    }
}
