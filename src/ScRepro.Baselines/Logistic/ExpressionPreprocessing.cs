using ScRepro.AnnData.Preprocessing;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Logistic;

/// <summary>How the logistic-regression input is normalised (Boiarsky et al.'s recipes).</summary>
public enum Preprocess
{
    /// <summary>X as stored (the scGPT datasets are already normalised).</summary>
    None,
    /// <summary>scanpy normalize_total(target_sum=1e4) then log1p (natural log).</summary>
    Log1p,
    /// <summary>normalize_total(1e4) then log2(1+x), scBERT's preprocess.py.</summary>
    Log2p,
}

/// <summary>
/// The paper's recipes by name, applied with ScRepro.AnnData's scanpy-exact normalize_total and log1p.
/// </summary>
public static class ExpressionPreprocessing
{
    public static Preprocess Parse(string text) => text.ToLowerInvariant() switch
    {
        "none" => Preprocess.None,
        "log1p" => Preprocess.Log1p,
        "log2p" or "log2" => Preprocess.Log2p,
        _ => throw new ScReproException($"unknown preprocess '{text}' (expected none, log1p or log2p)"),
    };

    public static string Name(Preprocess p) => p switch
    {
        Preprocess.None => "none",
        Preprocess.Log1p => "log1p",
        _ => "log2p",
    };

    /// <summary>Returns a new matrix (or <paramref name="x"/> itself for <see cref="Preprocess.None"/>).</summary>
    public static CsrMatrix Apply(CsrMatrix x, Preprocess kind, double targetSum = 1e4) =>
        kind == Preprocess.None
            ? x
            : (CsrMatrix)Log1p.Apply(NormalizeTotal.Apply(x, targetSum), kind == Preprocess.Log2p ? 2.0 : null);
}
