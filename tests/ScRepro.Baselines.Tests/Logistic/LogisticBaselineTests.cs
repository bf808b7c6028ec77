using ScRepro.AnnData.Frames;
using ScRepro.Baselines.Logistic;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Baselines.Tests.Logistic;

/// <summary>The pipeline entry point on the fixture's counts wrapped as an AnnData, and split files.</summary>
public sealed class LogisticBaselineTests
{
    private static readonly LiblinearFixture F = LiblinearFixture.Instance;

    private static ScRepro.AnnData.AnnotatedData Data()
    {
        var obs = new DataFrame(Enumerable.Range(0, F.Labels.Length).Select(i => $"cell-{i}").ToArray());
        obs.Add(CategoricalColumn.FromLabels("cell_type", F.Labels));
        var var = new DataFrame(Enumerable.Range(0, F.Counts.Cols).Select(j => $"g{j}").ToArray());
        return new ScRepro.AnnData.AnnotatedData(F.Counts, obs, var);
    }

    private static string[] Names(IEnumerable<int> rows) => rows.Select(i => $"cell-{i}").ToArray();

    [Fact]
    public void Should_reproduce_sklearn_when_run_end_to_end_with_fixed_C_and_log1p()
    {
        var fit = F.Root.GetProperty("fits")[0]; // C = 0.1
        var result = LogisticBaseline.Run(Data(), "cell_type", Names(F.Train), Names(F.Test),
            new LogisticRunSettings { C = 0.1, Preprocess = Preprocess.Log1p });
        Assert.Equal(0.1, result.C);
        Assert.Null(result.CrossValidation);
        Assert.Equal(fit.GetProperty("accuracy").GetDouble(), result.Metrics.Accuracy, 0.005);
        Assert.Equal(fit.GetProperty("macro_f1").GetDouble(), result.Metrics.MacroF1, 0.005);
        Assert.Equal(F.Test.Length, result.Predictions.Count);
        Assert.Equal($"cell-{F.Test[0]}", result.Predictions[0].ObsName);
        // predict_proba for predictions.parquet: one row per test cell over model.Classes, each summing to 1, and its
        // argmax the predicted label (OvR sigmoids are monotone in the decision values predict takes the argmax of).
        Assert.Equal(F.Test.Length, result.Probabilities.Count);
        for (var i = 0; i < result.Probabilities.Count; i++)
        {
            var p = result.Probabilities[i];
            Assert.Equal(result.Model.Classes.Length, p.Length);
            Assert.Equal(1.0, p.Sum(), 1e-12);
            Assert.Equal(result.Predictions[i].PredictedLabel, result.Model.Classes[Array.IndexOf(p, p.Max())]);
        }
    }

    [Fact]
    public void Should_choose_C_by_cross_validation_when_no_C_is_given()
    {
        // The fixture's CV means (sklearn): 0.358 at C=0.01, 0.721 at 0.1, 0.650 at 1 → C = 0.1 (a three-point grid
        // keeps the test fast; CrossValidationTests checks the whole grid).
        var result = LogisticBaseline.Run(Data(), "cell_type", Names(F.Train), Names(F.Test),
            new LogisticRunSettings { Grid = [0.01, 0.1, 1], Preprocess = Preprocess.Log1p });
        Assert.Equal(F.Root.GetProperty("cv").GetProperty("best_C").GetDouble(), result.C);
        Assert.NotNull(result.CrossValidation);
    }

    [Fact]
    public void Should_name_the_bad_field_for_unknown_cells_and_columns()
    {
        var e = Assert.Throws<ScReproException>(() => LogisticBaseline.Run(Data(), "cell_type", ["nope"], Names(F.Test), new LogisticRunSettings { C = 1 }));
        Assert.Contains("'nope'", e.Message);
        e = Assert.Throws<ScReproException>(() => LogisticBaseline.Run(Data(), "celltype", Names(F.Train), Names(F.Test), new LogisticRunSettings { C = 1 }));
        Assert.Contains("celltype", e.Message);
    }

    [Fact]
    public void Should_read_project_and_plain_split_files()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("project.json"),
            """{"policy":"stratified","seed":1,"train":["a","b"],"val":["c"],"test":["d"],"membership_sha256":"x"}""");
        var s = SplitNames.Read(dir.File("project.json"));
        Assert.Equal(["a", "b"], s.Train);
        Assert.Equal(["d"], s.Test);
        Assert.Equal(["c"], s.Val);
        File.WriteAllText(dir.File("plain.json"), """{"train":["a"],"test":["b"]}""");
        Assert.Empty(SplitNames.Read(dir.File("plain.json")).Val);
        File.WriteAllText(dir.File("bad.json"), """{"train":["a"]}""");
        var e = Assert.Throws<ScReproException>(() => SplitNames.Read(dir.File("bad.json")));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains("'test'", e.Message);
    }

    [Fact]
    public void Should_read_manifest_hyperparameters()
    {
        // Values as the manifest loader types YAML scalars: long for integers, double for floats, strings.
        var s = LogisticRunSettings.FromHyperparameters(new Dictionary<string, object?>
        {
            ["C"] = 0.1, ["tol"] = 0.0001, ["max_iter"] = 100L, ["preprocess"] = "log2p", ["penalty"] = "l1",
        }, seed: 4, "models/lr.yaml");
        Assert.Equal(0.1, s.C);
        Assert.Equal(Preprocess.Log2p, s.Preprocess);
        Assert.Equal((4, 100), (s.Seed, s.MaxIter));
        var cv = LogisticRunSettings.FromHyperparameters(new Dictionary<string, object?> { ["C"] = "cv", ["grid"] = new List<object?> { 1L, 10.0 } }, 0);
        Assert.Null(cv.C);
        Assert.Equal([1.0, 10.0], cv.Grid);
        var e = Assert.Throws<ScReproException>(() => LogisticRunSettings.FromHyperparameters(new Dictionary<string, object?> { ["alpha"] = 1L }, 0, "models/lr.yaml"));
        Assert.StartsWith("models/lr.yaml: hyperparameters: unknown key 'alpha'", e.Message);
    }

    [Fact]
    public void Should_refuse_a_float_where_an_integer_is_meant_and_a_number_given_as_text()
    {
        // The one int rule (ParameterReader): max_iter: 2.0 is a YAML float; the old reader truncated it silently.
        var e = Assert.Throws<ScReproException>(() => LogisticRunSettings.FromHyperparameters(
            new Dictionary<string, object?> { ["max_iter"] = 2.0 }, 0, "models/lr.yaml"));
        Assert.Equal("models/lr.yaml: hyperparameters: key 'max_iter' must be a positive integer, got 2.0 (a float; an integer is written without a decimal point)", e.Message);
        e = Assert.Throws<ScReproException>(() => LogisticRunSettings.FromHyperparameters(
            new Dictionary<string, object?> { ["C"] = "0.1" }, 0, "models/lr.yaml"));
        Assert.Contains("key 'C' must be a number", e.Message);
        Assert.Contains("the string '0.1'", e.Message);
    }
}
