namespace ScRepro.AnnData.Matrices;

/// <summary>A 2-D matrix as AnnData stores X, layers and obsp: dense, CSR or CSC.</summary>
public abstract class Matrix
{
    public abstract int Rows { get; }
    public abstract int Cols { get; }

    /// <summary>numpy's dtype name of the values as they were on disk (e.g. float32, float64, int64).</summary>
    public string SourceDtype { get; init; } = "float32";

    /// <summary>Rows <paramref name="rows"/> as a dense row-major float32 block.</summary>
    public abstract DenseMatrix ToDense(IReadOnlyList<int>? rows = null);
}
