namespace ScRepro.Baselines.Perturbation;

/// <summary>A fitted perturbation baseline.</summary>
public interface IPerturbationPredictor
{
    /// <summary>The model kind (control_mean, train_mean, additive, linear_pca_ridge).</summary>
    string Kind { get; }

    /// <summary>Every hyperparameter as used, defaults filled in (for the card).</summary>
    IReadOnlyDictionary<string, double> Hyperparameters { get; }

    /// <summary>Predicted mean expression of <paramref name="condition"/>, one value per var.</summary>
    double[] PredictMean(string condition);

    /// <summary>
    /// A predicted AnnData: the input's var, obs[perturbation column] = condition, and for each requested condition
    /// (the control included) as many rows as the real data has cells of it, each the predicted mean.
    /// </summary>
    ScRepro.AnnData.AnnotatedData Predict(IReadOnlyList<string> conditions);
}
