using ScRepro.AnnData.Matrices;
using ScRepro.Core.Errors;

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
/// Minimal normalize_total + log1p on CSR. Kept private to the baselines for now; to be replaced by
/// ScRepro.AnnData.Preprocessing once that lands (same definitions: per-cell total in float64, cells with total 0
/// left at 0, result float32).
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
    public static CsrMatrix Apply(CsrMatrix x, Preprocess kind, double targetSum = 1e4)
    {
        if (kind == Preprocess.None) return x;
        var data = new float[x.Data.Length];
        var log2 = kind == Preprocess.Log2p;
        Parallel.For(0, x.Rows, r =>
        {
            int start = x.IndPtr[r], end = x.IndPtr[r + 1];
            double total = 0;
            for (var p = start; p < end; p++) total += x.Data[p];
            var scale = total > 0 ? targetSum / total : 0;
            for (var p = start; p < end; p++)
            {
                // scanpy divides in float32 then applies np.log1p to float32; we round at the same two points.
                var normalised = (float)(x.Data[p] * scale);
                var logged = Math.Log(1.0 + normalised);
                data[p] = (float)(log2 ? logged / Math.Log(2.0) : logged);
            }
        });
        return new CsrMatrix(x.Rows, x.Cols, x.IndPtr, x.Indices, data);
    }
}
