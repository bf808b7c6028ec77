using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;

namespace ScRepro.Baselines.Perturbation;

/// <summary>
/// Entry point for the perturbation baselines. X is taken as already log-normalised (GEARS' Norman file), and means
/// are taken in that space, as GEARS and cell-eval compare them.
/// </summary>
public static class PerturbationBaselines
{
    public const string ControlMean = "control_mean";
    public const string TrainMean = "train_mean";
    public const string Additive = "additive";
    public const string LinearPcaRidge = "linear_pca_ridge";

    /// <summary>The model kinds this class fits (manifest <c>kind</c> keys).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [ControlMean, TrainMean, Additive, LinearPcaRidge];

    /// <summary>
    /// Fits <paramref name="kind"/> on the cells of <paramref name="trainConditions"/> (the control label may be
    /// among them or not; the control cells are always used for the control mean).
    /// Hyperparameters: linear_pca_ridge takes n_components (default 10) and ridge_lambda (default 0.1); the other
    /// kinds take none. Unknown keys are an error.
    /// </summary>
    public static IPerturbationPredictor Fit(string kind, ScRepro.AnnData.AnnotatedData data, PerturbationColumns cols,
        IReadOnlyList<string> trainConditions, IReadOnlyDictionary<string, object?> hyperparameters, int seed,
        string source = "model manifest")
    {
        var means = ConditionMeans.Compute(data, cols.Perturbation);
        var missing = trainConditions.Where(c => !means.Counts.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
            throw new ScReproException(
                $"training conditions not found in obs['{cols.Perturbation}']: {string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")}");
        var train = trainConditions.Where(c => c != cols.Control).Distinct(StringComparer.Ordinal).ToArray();
        if (!Kinds.Contains(kind)) throw new ScReproException($"unknown perturbation baseline '{kind}' (known: {string.Join(", ", Kinds)})");
        var p = new ParameterReader(hyperparameters, source, "hyperparameters");
        var (nComponents, ridgeLambda) = kind == LinearPcaRidge
            ? (p.Int("n_components", 10, 1, int.MaxValue), p.Double("ridge_lambda", 0.1, 0, double.MaxValue))
            : (0, 0.0);
        p.Finish();
        return kind switch
        {
            ControlMean => new ControlMeanPredictor(data, cols, means),
            TrainMean => new TrainMeanPredictor(data, cols, means, train),
            Additive => new AdditivePredictor(data, cols, means, train),
            LinearPcaRidge => new LinearPcaRidgePredictor(data, cols, means, train, nComponents, ridgeLambda, seed),
            _ => throw new ScReproException($"unknown perturbation baseline '{kind}' (known: {string.Join(", ", Kinds)})"),
        };
    }
}
