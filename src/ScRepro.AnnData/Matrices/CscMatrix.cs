namespace ScRepro.AnnData.Matrices;

/// <summary>Compressed sparse columns, as scipy.sparse.csc_matrix: indptr over columns, row indices, data (float32).</summary>
public sealed class CscMatrix : Matrix
{
    public CscMatrix(int rows, int cols, int[] indptr, int[] indices, float[] data)
    {
        if (indptr.Length != cols + 1) throw new ArgumentException($"indptr has {indptr.Length} entries, expected {cols + 1}");
        if (indices.Length != data.Length) throw new ArgumentException("indices and data differ in length");
        _rows = rows;
        _cols = cols;
        IndPtr = indptr;
        Indices = indices;
        Data = data;
    }

    private readonly int _rows;
    private readonly int _cols;
    public override int Rows => _rows;
    public override int Cols => _cols;
    public int[] IndPtr { get; }

    /// <summary>Row index of each stored value.</summary>
    public int[] Indices { get; }
    public float[] Data { get; }
    public long Nnz => IndPtr[_cols];

    public ReadOnlySpan<int> ColIndices(int c) => Indices.AsSpan(IndPtr[c], IndPtr[c + 1] - IndPtr[c]);
    public ReadOnlySpan<float> ColValues(int c) => Data.AsSpan(IndPtr[c], IndPtr[c + 1] - IndPtr[c]);

    /// <summary>The same matrix in compressed sparse rows.</summary>
    public CsrMatrix ToCsr()
    {
        var (indptr, indices, data) = SparseTranspose.Compress(_cols, _rows, IndPtr, Indices, Data);
        return new CsrMatrix(_rows, _cols, indptr, indices, data) { SourceDtype = SourceDtype };
    }

    public override DenseMatrix ToDense(IReadOnlyList<int>? rows = null) => ToCsr().ToDense(rows);

    /// <summary>Builds a CSC matrix from a dense one, storing only non-zero values.</summary>
    public static CscMatrix FromDense(DenseMatrix dense) => CsrMatrix.FromDense(dense).ToCsc();
}
