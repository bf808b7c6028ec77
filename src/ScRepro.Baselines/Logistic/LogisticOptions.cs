namespace ScRepro.Baselines.Logistic;

/// <summary>
/// sklearn LogisticRegression(penalty="l1", solver="liblinear") settings, with sklearn's defaults:
/// tol 1e-4 (scaled inside as liblinear does), max_iter 100 Newton iterations, intercept_scaling 1 (penalised).
/// </summary>
public sealed record LogisticOptions
{
    /// <summary>Inverse regularisation strength (sklearn's C).</summary>
    public double C { get; init; } = 1.0;

    public double Tol { get; init; } = 1e-4;

    public int MaxIter { get; init; } = 100;

    public bool FitIntercept { get; init; } = true;

    /// <summary>Value of the appended bias feature; its weight is L1-penalised like any other (liblinear).</summary>
    public double InterceptScaling { get; init; } = 1.0;

    /// <summary>Seeds the coordinate order of the inner solver (one derived stream per class).</summary>
    public int Seed { get; init; }

    /// <summary>Worker threads; null = all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
