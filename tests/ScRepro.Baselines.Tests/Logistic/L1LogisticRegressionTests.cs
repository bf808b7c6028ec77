using ScRepro.Baselines.Logistic;
using ScRepro.Evaluation.Annotation;
using static ScRepro.Baselines.Tests.Logistic.LiblinearFixture;

namespace ScRepro.Baselines.Tests.Logistic;

/// <summary>Agreement with sklearn's LogisticRegression(penalty="l1", solver="liblinear") on the committed fixture.</summary>
public sealed class L1LogisticRegressionTests
{
    private static readonly LiblinearFixture F = Instance;
    private static readonly ScRepro.AnnData.Matrices.CsrMatrix X = ExpressionPreprocessing.Apply(F.Counts, Preprocess.Log1p);

    public static TheoryData<int> FitIndices => new() { 0, 1 };

    [Fact]
    public void Should_match_scanpy_normalize_total_and_log1p()
    {
        // Expected: the fixture script's scanpy-equivalent normalize_total(1e4) + np.log1p on float32, row 0.
        var expectedIdx = Ints(F.Root, "lognorm_row0_indices");
        var expected = Doubles(F.Root, "lognorm_row0_data");
        Assert.Equal(expectedIdx, X.RowIndices(0).ToArray());
        var actual = X.RowValues(0).ToArray();
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-6);
    }

    [Theory]
    [MemberData(nameof(FitIndices))]
    public void Should_match_sklearn_metrics_predictions_and_coefficients(int fitIndex)
    {
        var fit = F.Root.GetProperty("fits")[fitIndex];
        var c = fit.GetProperty("C").GetDouble();
        var model = L1LogisticRegression.Fit(X, F.Train, F.LabelsOf(F.Train), new LogisticOptions { C = c });

        Assert.Equal(Strings(fit, "classes"), model.Classes);
        var predicted = model.Predict(X, F.Test);
        var report = ClassificationMetrics.Compute(F.LabelsOf(F.Test), predicted);
        // The bar: accuracy and macro F1 within 0.005 of sklearn on the same data and split.
        Assert.InRange(report.Accuracy - fit.GetProperty("accuracy").GetDouble(), -0.005, 0.005);
        Assert.InRange(report.MacroF1 - fit.GetProperty("macro_f1").GetDouble(), -0.005, 0.005);
        Assert.Equal(Strings(fit, "predict"), predicted);

        // Convex problem, same tolerance rule: coefficients agree to the solver's accuracy, and the zero pattern
        // (L1 sparsity, the penalised intercept included) is essentially the same.
        var coef = Matrix(fit, "coef");
        var intercept = Doubles(fit, "intercept");
        var scale = coef.SelectMany(r => r).Max(Math.Abs);
        for (var k = 0; k < coef.Length; k++)
        {
            for (var j = 0; j < coef[k].Length; j++)
                Assert.True(Math.Abs(coef[k][j] - model.Coef[k][j]) <= 0.02 * scale,
                    $"class {k} gene {j}: sklearn {coef[k][j]}, ours {model.Coef[k][j]}");
            Assert.True(Math.Abs(intercept[k] - model.Intercept[k]) <= 0.02 * scale, $"intercept {k}");
        }

        var proba = Matrix(fit, "proba_first5");
        var ours = model.PredictProba(X, F.Test.Take(5).ToArray());
        for (var r = 0; r < 5; r++)
        {
            Assert.Equal(1.0, ours[r].Sum(), 1e-12);
            for (var k = 0; k < proba[r].Length; k++) Assert.Equal(proba[r][k], ours[r][k], 0.02);
        }
    }

    [Fact]
    public void Should_keep_one_coefficient_row_for_two_classes_as_sklearn()
    {
        var b = F.Root.GetProperty("binary");
        var rows = Enumerable.Range(0, F.Labels.Length).Where(i => F.Labels[i] is "T_CD4" or "T_CD8").ToArray();
        var model = L1LogisticRegression.Fit(X, rows, F.LabelsOf(rows), new LogisticOptions { C = b.GetProperty("C").GetDouble() });
        Assert.Equal(Strings(b, "classes"), model.Classes);
        Assert.Single(model.Coef);
        var expected = Strings(b, "predict");
        var predicted = model.Predict(X, rows);
        var agree = expected.Zip(predicted).Count(t => t.First == t.Second);
        Assert.True(agree >= expected.Length - 1, $"{agree} of {expected.Length} binary predictions agree with sklearn");
        Assert.Equal(Doubles(b, "intercept")[0], model.Intercept[0], 0.05);
    }

    [Fact]
    public void Should_give_identical_models_for_any_thread_count()
    {
        var one = L1LogisticRegression.Fit(X, F.Train, F.LabelsOf(F.Train), new LogisticOptions { C = 1, Seed = 3, MaxDegreeOfParallelism = 1 });
        var many = L1LogisticRegression.Fit(X, F.Train, F.LabelsOf(F.Train), new LogisticOptions { C = 1, Seed = 3, MaxDegreeOfParallelism = 4 });
        for (var k = 0; k < one.Coef.Length; k++) Assert.Equal(one.Coef[k], many.Coef[k]);
        Assert.Equal(one.Intercept, many.Intercept);
    }

    [Fact]
    public void Should_drive_the_penalised_intercept_to_zero_under_strong_regularisation()
    {
        // liblinear penalises the bias like any weight (annotation-models.md §1.1): at tiny C everything is 0,
        // whereas an unpenalised intercept would fit the class log-odds.
        var model = L1LogisticRegression.Fit(X, F.Train, F.LabelsOf(F.Train), new LogisticOptions { C = 1e-4 });
        Assert.All(model.Intercept, b => Assert.Equal(0.0, b));
        Assert.All(model.Coef, row => Assert.All(row, w => Assert.Equal(0.0, w)));
    }

    [Fact]
    public void Should_reject_a_single_class()
    {
        var rows = Enumerable.Range(0, F.Labels.Length).Where(i => F.Labels[i] == "NK").ToArray();
        Assert.Throws<ScRepro.Foundation.Errors.ScReproException>(() =>
            L1LogisticRegression.Fit(X, rows, F.LabelsOf(rows), new LogisticOptions()));
    }
}
