using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Baselines.Logistic;

/// <summary>What the annotation pipeline asks of the L1 logistic-regression baseline.</summary>
public sealed record LogisticRunSettings
{
    /// <summary>Fixed C; when null, C is chosen by <see cref="CvFolds"/>-fold CV over <see cref="Grid"/>.</summary>
    public double? C { get; init; }
    public int CvFolds { get; init; } = 5;
    public IReadOnlyList<double> Grid { get; init; } = CrossValidatedC.PaperGrid;
    public Preprocess Preprocess { get; init; } = Preprocess.None;
    public double Tol { get; init; } = 1e-4;
    public int MaxIter { get; init; } = 100;
    public int Seed { get; init; }
    public bool UseRaw { get; init; }

    /// <summary>
    /// Reads a model manifest's hyperparameters (C or `cv`, cv_folds, grid, preprocess, tol, max_iter, use_raw)
    /// strictly; penalty, solver and intercept_scaling are fixed (l1 / liblinear / 1) and may only be restated.
    /// </summary>
    public static LogisticRunSettings FromHyperparameters(IReadOnlyDictionary<string, object?> hp, int seed, string source = "model manifest")
    {
        var p = new ParameterReader(hp, source, "hyperparameters");
        var d = new LogisticRunSettings { Seed = seed };
        p.Accept("penalty", "solver", "intercept_scaling");
        // `C` (sklearn's spelling) or `c`; the string `cv` (or null) chooses it by cross-validation.
        var cKey = hp.ContainsKey("c") && !hp.ContainsKey("C") ? "c" : "C";
        var cvKey = hp.ContainsKey("cv") && !hp.ContainsKey("cv_folds") ? "cv" : "cv_folds";
        p.Accept("C", "c", "cv", "cv_folds");
        var s = d with
        {
            C = hp.TryGetValue(cKey, out var c) && c is "cv" ? null : p.OptionalDouble(cKey, 1e-12, double.MaxValue),
            CvFolds = p.Int(cvKey, d.CvFolds, 2, 1000),
            Grid = p.DoubleList("grid", d.Grid),
            Preprocess = ExpressionPreprocessing.Parse(p.String("preprocess", "none")!),
            Tol = p.Double("tol", d.Tol, 0, double.MaxValue),
            MaxIter = p.Int("max_iter", d.MaxIter, 1, int.MaxValue),
            UseRaw = p.Bool("use_raw", d.UseRaw),
        };
        p.Finish();
        return s;
    }
}

/// <summary>One prediction: the cell, its true label and the predicted one.</summary>
public sealed record CellPrediction(string ObsName, string TrueLabel, string PredictedLabel);

/// <summary>Result of a fit + evaluation: the metrics on the test cells, the C used and how it was chosen.</summary>
public sealed record LogisticRunResult(
    ClassificationReport Metrics,
    double C,
    CrossValidationResult? CrossValidation,
    IReadOnlyList<CellPrediction> Predictions,
    IReadOnlyList<double[]> Probabilities,
    LogisticModel Model,
    int NTrain,
    int NTest,
    bool Converged);

/// <summary>The annotation baseline end to end: preprocess, choose or take C, fit on train, predict test.</summary>
public static class LogisticBaseline
{
    public static LogisticRunResult Run(ScRepro.AnnData.AnnotatedData data, string labelColumn, IReadOnlyList<string> trainObs,
        IReadOnlyList<string> testObs, LogisticRunSettings settings, Action<string>? log = null)
    {
        var matrix = settings.UseRaw
            ? data.Raw?.X ?? throw new ScReproException("use_raw was requested but the file has no raw/X")
            : data.X ?? throw new ScReproException("the AnnData has no X");
        var x = matrix as CsrMatrix ?? CsrMatrix.FromDense(matrix.ToDense());
        x = ExpressionPreprocessing.Apply(x, settings.Preprocess);
        if (!data.Obs.Contains(labelColumn))
            throw new ScReproException($"obs has no column '{labelColumn}' (have: {string.Join(", ", data.Obs.Columns.Select(c => c.Name))})");
        var labelCol = data.Obs[labelColumn];
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < data.ObsNames.Length; i++)
            if (!position.TryAdd(data.ObsNames[i], i))
                throw new ScReproException($"obs_names are not unique ('{data.ObsNames[i]}' repeats); a split by name is ambiguous");
        (int[] Rows, string[] Labels) Resolve(IReadOnlyList<string> names, string part)
        {
            var rows = new int[names.Count];
            var labels = new string[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                if (!position.TryGetValue(names[i], out rows[i]))
                    throw new ScReproException($"split '{part}' names cell '{names[i]}', which is not in obs_names");
                labels[i] = labelCol.GetString(rows[i])
                    ?? throw new ScReproException($"obs['{labelColumn}'] is missing for cell '{names[i]}'");
            }
            return (rows, labels);
        }
        var (trainRows, trainLabels) = Resolve(trainObs, "train");
        var (testRows, testLabels) = Resolve(testObs, "test");
        if (trainRows.Length == 0 || testRows.Length == 0)
            throw new ScReproException($"the split has {trainRows.Length} train and {testRows.Length} test cells; both must be non-empty");

        var options = new LogisticOptions { Tol = settings.Tol, MaxIter = settings.MaxIter, Seed = settings.Seed };
        CrossValidationResult? cv = null;
        var c = settings.C;
        if (c is null)
        {
            cv = ScRepro.Terminal.Output.WithProgress($"logreg: {settings.CvFolds}-fold CV over {settings.Grid.Count} C values",
                settings.CvFolds, report => CrossValidatedC.Select(x, trainRows, trainLabels, settings.Grid, settings.CvFolds, options, report));
            c = cv.BestC;
            log?.Invoke($"logreg: C = {c} chosen by CV (mean accuracy {cv.MeanAccuracy.Max():F4})");
        }
        var model = L1LogisticRegression.Fit(x, trainRows, trainLabels, options with { C = c.Value });
        var predicted = model.Predict(x, testRows);
        var metrics = ClassificationMetrics.Compute(testLabels, predicted);
        var predictions = testRows.Select((r, i) => new CellPrediction(data.ObsNames[r], testLabels[i], predicted[i])).ToArray();
        // predict_proba of the same cells, columns in model.Classes order (for predictions.parquet)
        var probabilities = model.PredictProba(x, testRows);
        return new LogisticRunResult(metrics, c.Value, cv, predictions, probabilities, model, trainRows.Length, testRows.Length,
            !model.HitMaxIter(settings.MaxIter));
    }
}
