using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData;

/// <summary>
/// An annotated data matrix, as anndata.AnnData: X (n_obs × n_vars), obs and var dataframes,
/// layers, obsm/varm, obsp, uns and raw.
/// </summary>
public sealed class AnnotatedData
{
    public AnnotatedData(Matrix? x, DataFrame obs, DataFrame var)
    {
        if (x is not null && (x.Rows != obs.Count || x.Cols != var.Count))
            throw new ArgumentException($"X is {x.Rows}x{x.Cols} but obs has {obs.Count} rows and var {var.Count}");
        X = x;
        Obs = obs;
        Var = var;
    }

    /// <summary>X; null when the file has none or it was not loaded (lazy reads).</summary>
    public Matrix? X { get; set; }
    public DataFrame Obs { get; }
    public DataFrame Var { get; }
    public int NObs => Obs.Count;
    public int NVars => Var.Count;
    public string[] ObsNames => Obs.Index;
    public string[] VarNames => Var.Index;

    public Dictionary<string, Matrix> Layers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DenseMatrix> Obsm { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DenseMatrix> Varm { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Matrix> Obsp { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Unstructured annotations: nested Dictionary&lt;string, object?&gt;, string, double, long, bool,
    /// string[], double[], long[], bool[], or a Matrix for 2-D arrays.
    /// </summary>
    public Dictionary<string, object?> Uns { get; } = new(StringComparer.Ordinal);

    /// <summary>raw (raw/X and raw/var), or null.</summary>
    public RawData? Raw { get; set; }
}

/// <summary>anndata's .raw: an X with its own var (same obs).</summary>
public sealed record RawData(Matrix? X, DataFrame Var);
