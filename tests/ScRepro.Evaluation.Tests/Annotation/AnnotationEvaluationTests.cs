using ScRepro.Evaluation.Annotation;
using ScRepro.Testing;

namespace ScRepro.Evaluation.Tests.Annotation;

public sealed class AnnotationEvaluationTests
{
    [Fact]
    public void Should_round_trip_predictions_with_awkward_labels()
    {
        using var dir = TestPaths.NewTempDir();
        LabelledPrediction[] rows = [new("c1", "CD4+/CD25 T Reg", "B, naive"), new("c2", "say \"hi\"", "x")];
        PredictionsCsv.Write(dir.File("p.csv"), rows);
        Assert.Equal(rows, PredictionsCsv.Read(dir.File("p.csv")));
    }

    [Fact]
    public void Should_summarise_runs_and_test_against_a_baseline()
    {
        // Hand-computed: run accuracies 1.0, 0.5, 0.75 → mean 0.75, population SD √(0.125/3) = 0.2041;
        // baseline accuracies 0.25, 0, 0.5 → mean 0.25.
        static IReadOnlyList<LabelledPrediction> Run(params string[] preds) =>
            preds.Select((p, i) => new LabelledPrediction($"c{i}", new[] { "a", "a", "b", "b" }[i], p)).ToArray();
        var e = AnnotationEvaluation.Compute(
            [("s1", Run("a", "a", "b", "b")), ("s2", Run("a", "b", "a", "b")), ("s3", Run("a", "a", "a", "b"))],
            [("b1", Run("a", "b", "a", "a")), ("b2", Run("b", "b", "a", "a")), ("b3", Run("a", "b", "b", "a"))]);
        Assert.Equal(0.75, e.Summary["accuracy"].Mean, 1e-12);
        Assert.Equal(Math.Sqrt(0.125 / 3), e.Summary["accuracy"].Std, 1e-12);
        Assert.Equal(0.25, e.BaselineSummary!["accuracy"].Mean, 1e-12);
        // scipy.stats.ttest_ind([1, .5, .75], [.25, 0, .5]) → statistic 2.449489742783178, pvalue 0.07048399691021993
        Assert.Equal(2.449489742783178, e.TTests!["accuracy"].Statistic, 1e-12);
        Assert.Equal(0.07048399691021993, e.TTests["accuracy"].PValue, 1e-12);

        using var dir = TestPaths.NewTempDir();
        AnnotationReportWriter.Write(dir.Path, e);
        Assert.StartsWith("run,label,precision,recall,f1,support\ns1,a,1,1,1,2\n", File.ReadAllText(dir.File("per_class.csv")));
        Assert.Contains("s2,a,b,1\n", File.ReadAllText(dir.File("confusion_matrix.csv")));
        Assert.Contains("\"t_tests\"", File.ReadAllText(dir.File("metrics.json")));
    }
}
