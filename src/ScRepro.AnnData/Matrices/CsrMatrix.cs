namespace ScRepro.AnnData.Matrices;

/// <summary>Compressed sparse rows, as scipy.sparse.csr_matrix: indptr, indices, data (float32).</summary>
public sealed class CsrMatrix : Matrix
{
    public CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] data)
    {
        if (indptr.Length != rows + 1) throw new ArgumentException($"indptr has {indptr.Length} entries, expected {rows + 1}");
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
    public int[] Indices { get; }
    public float[] Data { get; }
    public long Nnz => IndPtr[_rows];

    public ReadOnlySpan<int> RowIndices(int r) => Indices.AsSpan(IndPtr[r], IndPtr[r + 1] - IndPtr[r]);
    public ReadOnlySpan<float> RowValues(int r) => Data.AsSpan(IndPtr[r], IndPtr[r + 1] - IndPtr[r]);

    public override DenseMatrix ToDense(IReadOnlyList<int>? rows = null)
    {
        var n = rows?.Count ?? _rows;
        var result = new DenseMatrix(n, _cols);
        for (var i = 0; i < n; i++)
        {
            var r = rows?[i] ?? i;
            var dst = result.Row(i);
            var idx = RowIndices(r);
            var val = RowValues(r);
            for (var k = 0; k < idx.Length; k++) dst[idx[k]] += val[k];
        }
        return result;
    }

    /// <summary>Builds a CSR matrix from a dense one, storing only non-zero values.</summary>
    public static CsrMatrix FromDense(DenseMatrix dense)
    {
        var indptr = new int[dense.Rows + 1];
        var indices = new List<int>();
        var data = new List<float>();
        for (var r = 0; r < dense.Rows; r++)
        {
            var row = dense.Row(r);
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] != 0f) { indices.Add(c); data.Add(row[c]); }
            }
            indptr[r + 1] = indices.Count;
        }
        return new CsrMatrix(dense.Rows, dense.Cols, indptr, indices.ToArray(), data.ToArray());
    }
}
