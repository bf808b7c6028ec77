using ScRepro.Evaluation.Perturbation;
using ScRepro.Evaluation.Perturbation.Catalogue;
using ScRepro.Evaluation.Perturbation.Results;
using ScRepro.Testing;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>Every metric except clustering_agreement against the fixture script's transcription of cell-eval 0.8.1.</summary>
public sealed class PerturbationEvaluatorTests
{
    public static TheoryData<string> Cases => new() { "basic", "no_pred_signal" };

    private static readonly string[] Compared = MetricCatalogue.All.Select(m => m.Name).Where(n => n != "clustering_agreement").ToArray();

    private static PerturbationEvaluation Run(FixtureCase fx, int threads = 1, bool clustering = false) =>
        PerturbationEvaluator.Evaluate(fx.Real(), fx.Pred(), new PerturbationEvalOptions
        {
            PertCol = fx.PertCol, ControlPert = fx.Control, NumThreads = threads, ClusteringAgreement = clustering,
        });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_the_reference_for_every_metric_and_perturbation(string name)
    {
        var fx = FixtureCase.Load(name);
        var eval = Run(fx);
        Assert.Equal(fx.Perturbations, eval.Results.Perturbations);
        foreach (var metric in Compared)
        {
            var expected = fx.ExpectedColumn(metric);
            var actual = eval.Results.Column(metric);
            for (var i = 0; i < expected.Length; i++)
                Tolerance.AssertClose(expected[i], actual[i], $"{name} {metric}[{fx.Perturbations[i]}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_the_reference_describe_table(string name)
    {
        var fx = FixtureCase.Load(name);
        var eval = Run(fx);
        foreach (var summary in eval.Aggregates)
            foreach (var stat in MetricSummary.Statistics)
                Tolerance.AssertClose(fx.ExpectedAgg(summary.Metric, stat), summary.Get(stat), $"{name} agg {summary.Metric} {stat}");
    }

    [Fact]
    public void Should_cover_the_nan_and_null_cases_the_fixture_was_built_for()
    {
        // Guards the fixture itself: if the generator drifted, the tests above would stop exercising these rules.
        var fx = FixtureCase.Load("basic");
        Assert.True(double.IsNaN(fx.ExpectedColumn("pearson_delta")[Array.IndexOf(fx.Perturbations, "PC")]!.Value));
        Assert.Null(fx.ExpectedColumn("de_direction_match")[Array.IndexOf(fx.Perturbations, "PNONE")]);
        Assert.True(double.IsNaN(fx.ExpectedColumn("pr_auc")[Array.IndexOf(fx.Perturbations, "PNONE")]!.Value));
        Assert.True(double.IsNaN(fx.ExpectedColumn("de_spearman_lfc_sig")[Array.IndexOf(fx.Perturbations, "PONE")]!.Value));
        Assert.Equal(1.0, fx.ExpectedAgg("de_direction_match", "null_count"));
    }

    [Fact]
    public void Should_give_the_same_results_whatever_the_thread_count()
    {
        var fx = FixtureCase.Load("basic");
        var one = PerturbationCsvWriter.Results(Run(fx, 1, clustering: true).Results);
        var four = PerturbationCsvWriter.Results(Run(fx, 4, clustering: true).Results);
        Assert.Equal(one, four);
    }

    [Fact]
    public void Should_write_byte_identical_csv_files_for_the_same_inputs()
    {
        var fx = FixtureCase.Load("basic");
        using var a = TestPaths.NewTempDir();
        using var b = TestPaths.NewTempDir();
        Run(fx, 2, clustering: true).WriteCsv(a.Path);
        Run(fx, 1, clustering: true).WriteCsv(b.Path);
        foreach (var file in new[] { "results.csv", "agg_results.csv", "real_de.csv", "pred_de.csv" })
            Assert.Equal(File.ReadAllBytes(a.File(file)), File.ReadAllBytes(b.File(file)));
    }

    [Fact]
    public void Should_lay_out_results_and_agg_results_as_cell_eval_does()
    {
        var fx = FixtureCase.Load("basic");
        var eval = Run(fx, clustering: true);
        var results = PerturbationCsvWriter.Results(eval.Results).Split('\n');
        // cell-eval _runner.py: "perturbation" then the metrics in computation order; rows in sorted target order.
        Assert.Equal("perturbation," + string.Join(',', MetricCatalogue.All.Select(m => m.Name)), results[0]);
        Assert.StartsWith("G003,", results[1]);
        var agg = PerturbationCsvWriter.AggResults(eval.Aggregates).Split('\n');
        Assert.Equal(["count", "null_count", "mean", "std", "min", "25%", "50%", "75%", "max"],
            agg.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]));
        // A null (PNONE has no real significant gene) is an empty field; a NaN is written as NaN.
        var pnone = results.Single(l => l.StartsWith("PNONE,", StringComparison.Ordinal)).Split(',');
        var header = results[0].Split(',');
        Assert.Equal("", pnone[Array.IndexOf(header, "de_direction_match")]);
        Assert.Equal("NaN", pnone[Array.IndexOf(header, "pr_auc")]);
    }

    [Fact]
    public void Should_report_mean_median_and_max_for_the_card()
    {
        var fx = FixtureCase.Load("basic");
        var headline = Run(fx).Headlines().Single(h => h.Metric == "mse");
        Tolerance.AssertClose(fx.ExpectedAgg("mse", "mean"), headline.Mean, "mse mean");
        Tolerance.AssertClose(fx.ExpectedAgg("mse", "50%"), headline.Median, "mse median");
        Tolerance.AssertClose(fx.ExpectedAgg("mse", "max"), headline.Max, "mse max");
    }

    [Fact]
    public void Should_write_both_de_tables_as_parquet_with_the_csv_rows_and_exact_values()
    {
        var fx = FixtureCase.Load("basic");
        var eval = Run(fx);
        using var dir = TestPaths.NewTempDir();
        eval.WriteCsv(dir.Path);

        foreach (var (file, csv, de) in new[] { ("real_de.parquet", "real_de.csv", eval.RealDe), ("pred_de.parquet", "pred_de.csv", eval.PredDe) })
        {
            var table = ScRepro.Tables.ParquetTable.Read(Path.Combine(dir.Path, file));
            var lines = File.ReadAllLines(Path.Combine(dir.Path, csv));
            // Same header, same number of rows as the CSV cell-eval users read (one per target × gene).
            Assert.Equal(lines[0].Split(','), table.Columns.Select(c => c.Name));
            Assert.Equal(lines.Length - 1, table.RowCount);
            Assert.Equal(de.Targets.Count * de.Features.Length, table.RowCount);
            // Values: the DeTable's own doubles, bit for bit (the CSV holds them as shortest round-trip text).
            var row = 0;
            foreach (var t in de.Targets)
                for (var g = 0; g < de.Features.Length; g++, row++)
                {
                    Assert.Equal(t.Target, table["target"].TextValues[row]);
                    Assert.Equal(de.Features[g], table["feature"].TextValues[row]);
                    Assert.Equal(t.TargetMembership, table["target_membership"].Int64Values[row]);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(t.PValue[g]), BitConverter.DoubleToInt64Bits(table["p_value"].Float64Values[row]!.Value));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(t.Log2FoldChange[g]), BitConverter.DoubleToInt64Bits(table["log2_fold_change"].Float64Values[row]!.Value));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(t.Fdr[g]), BitConverter.DoubleToInt64Bits(table["fdr"].Float64Values[row]!.Value));
                }
            // The CSV's second row, field by field, parses to the Parquet row's numbers.
            var first = lines[1].Split(',');
            Assert.Equal(double.Parse(first[2], System.Globalization.CultureInfo.InvariantCulture), table["target_mean"].Float64Values[0]);
        }
    }
}
