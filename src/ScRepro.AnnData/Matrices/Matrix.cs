namespace ScRepro.AnnData.Matrices;

/// <summary>A 2-D matrix as AnnData stores X, layers and obsp: dense, CSR or CSC.</summary>
public abstract class Matrix
{
    public abstract int Rows { get; }
    public abstract int Cols { get; }

    /// <summary>numpy's dtype name of the values as they were on disk (e.g. float32, float64, int64).</summary>
    public string SourceDtype { get; init; } = "float32";

    /// <summary>
    /// The stored values at full precision when the file held float64 (the float32 values hold them rounded).
    /// Writers use them only while they still round to the float32 values, so edits made through the float32
    /// values win. Dense: row-major like DenseMatrix.Data; sparse: parallel to Data.
    /// </summary>
    public double[]? Float64Data { get; init; }

    /// <summary>Rows <paramref name="rows"/> as a dense row-major float32 block.</summary>
    public abstract DenseMatrix ToDense(IReadOnlyList<int>? rows = null);
}
