using System.Text.Json;
using ScRepro.Evaluation.Annotation;
using ScRepro.Testing;

namespace ScRepro.Evaluation.Tests.Annotation;

/// <summary>
/// Expected values: tests/fixtures/baselines/annotation_metrics.json, made by
/// tests/fixtures/baselines/scripts/make_annotation_metrics_fixture.py (sklearn 1.2.1, scipy 1.10.1).
/// </summary>
public sealed class AnnotationMetricsTests
{
    private static readonly JsonElement F =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("baselines", "annotation_metrics.json"))).RootElement;

    private static string[] S(string name) => F.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToArray();
    private static double[] D(string name) => F.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
    private static double N(string name) => F.GetProperty(name).GetDouble();

    [Fact]
    public void Should_match_sklearn_including_never_predicted_and_never_true_labels()
    {
        var r = ClassificationMetrics.Compute(S("true"), S("pred"));
        Assert.Equal(S("labels"), r.Labels);
        Assert.Equal(N("accuracy"), r.Accuracy, 1e-12);
        Assert.Equal(N("macro_f1"), r.MacroF1, 1e-12);
        Assert.Equal(N("macro_precision"), r.MacroPrecision, 1e-12);
        Assert.Equal(N("macro_recall"), r.MacroRecall, 1e-12);
        Assert.Equal(N("weighted_f1"), r.WeightedF1, 1e-12);
        var p = D("precision"); var rc = D("recall"); var f1 = D("f1"); var s = D("support");
        for (var k = 0; k < p.Length; k++)
        {
            Assert.Equal(p[k], r.PerClass[k].Precision, 1e-12);
            Assert.Equal(rc[k], r.PerClass[k].Recall, 1e-12);
            Assert.Equal(f1[k], r.PerClass[k].F1, 1e-12);
            Assert.Equal((int)s[k], r.PerClass[k].Support);
        }
        var cm = F.GetProperty("confusion_matrix").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(cm, r.ConfusionMatrix);
    }

    [Fact]
    public void Should_match_scipy_t_quantiles_and_cdf()
    {
        foreach (var row in F.GetProperty("t_ppf").EnumerateArray())
        {
            var (q, df, expected) = (row[0].GetDouble(), row[1].GetDouble(), row[2].GetDouble());
            // 1e-8 relative: scipy's ppf is itself that far off in places (t.cdf(t.ppf(0.9, 29), 29) = 0.8999999994).
            Assert.True(Math.Abs(StudentT.Quantile(q, df) - expected) <= 1e-8 * Math.Max(1, Math.Abs(expected)),
                $"t.ppf({q}, {df}) = {expected}, ours {StudentT.Quantile(q, df)}");
        }
        foreach (var row in F.GetProperty("t_cdf").EnumerateArray())
            Assert.Equal(row[2].GetDouble(), StudentT.Cdf(row[0].GetDouble(), row[1].GetDouble()), 1e-12);
    }

    [Fact]
    public void Should_reproduce_the_papers_ttests_and_confidence_interval()
    {
        // scipy.stats.ttest_ind on Boiarsky et al.'s per-run scBERT vs no-pretraining values (annotation-models.md
        // §1.6; the paper prints p = 0.34 / 0.59 from unrounded values, scipy on the 4-digit values gives 0.330 / 0.582).
        var acc = TTest.Independent(D("scbert_acc"), D("nopt_acc"));
        Assert.Equal(D("ttest_acc")[0], acc.Statistic, 1e-10);
        Assert.Equal(D("ttest_acc")[1], acc.PValue, 1e-10);
        Assert.Equal(18, acc.DegreesOfFreedom);
        var f1 = TTest.Independent(D("scbert_f1"), D("nopt_f1"));
        Assert.Equal(D("ttest_f1")[1], f1.PValue, 1e-10);
        var welch = TTest.Independent(D("scbert_acc"), D("nopt_acc"), equalVariance: false);
        Assert.Equal(D("welch_acc")[1], welch.PValue, 1e-10);

        // Table 1: scBERT reproduced 0.766 ± 0.013 (np.std / √10 × 2.262).
        var summary = SeedSummary.Of(D("scbert_acc"));
        Assert.Equal(N("scbert_acc_mean"), summary.Mean, 1e-12);
        Assert.Equal(N("scbert_acc_std"), summary.Std, 1e-12);
        Assert.Equal(N("scbert_acc_ci"), summary.Ci95, 1e-10);
        Assert.Equal(0.013, Math.Round(summary.Ci95, 3));
        Assert.Equal(N("small_ci"), SeedSummary.Of(D("small")).Ci95, 1e-10);
    }

    [Fact]
    public void Should_give_zero_p_for_separated_constant_groups_and_nan_for_identical_ones()
    {
        // numpy semantics: (mean difference)/0 → ±inf → p = 0; 0/0 → NaN.
        Assert.Equal(0.0, TTest.Independent([1, 1, 1], [2, 2, 2]).PValue);
        Assert.True(double.IsNaN(TTest.Independent([1, 1, 1], [1, 1, 1]).PValue));
        Assert.True(double.IsNaN(SeedSummary.Of([0.5]).Ci95));
    }
}
