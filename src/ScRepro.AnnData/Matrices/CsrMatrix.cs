using System.Numerics.Tensors;

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

    /// <summary>Rows <paramref name="rows"/> (any order, repeats allowed) as a new CSR matrix, like X[rows] in scipy.</summary>
    public CsrMatrix SliceRows(IReadOnlyList<int> rows)
    {
        var indptr = new int[rows.Count + 1];
        long nnz = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if ((uint)r >= (uint)_rows) throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} is outside 0..{_rows - 1}");
            nnz += IndPtr[r + 1] - IndPtr[r];
            indptr[i + 1] = checked((int)nnz);
        }
        var indices = new int[nnz];
        var data = new float[nnz];
        for (var i = 0; i < rows.Count; i++)
        {
            RowIndices(rows[i]).CopyTo(indices.AsSpan(indptr[i]));
            RowValues(rows[i]).CopyTo(data.AsSpan(indptr[i]));
        }
        return new CsrMatrix(rows.Count, _cols, indptr, indices, data) { SourceDtype = SourceDtype };
    }

    /// <summary>Columns <paramref name="cols"/> in the order given (no repeats), like X[:, cols] in scipy; rows stay sorted by column.</summary>
    public CsrMatrix SelectColumns(IReadOnlyList<int> cols)
    {
        var map = new int[_cols];
        Array.Fill(map, -1);
        for (var j = 0; j < cols.Count; j++)
        {
            var c = cols[j];
            if ((uint)c >= (uint)_cols) throw new ArgumentOutOfRangeException(nameof(cols), $"column {c} is outside 0..{_cols - 1}");
            if (map[c] >= 0) throw new ArgumentException($"column {c} is selected twice", nameof(cols));
            map[c] = j;
        }
        var indptr = new int[_rows + 1];
        var indices = new List<int>();
        var data = new List<float>();
        var rowIdx = new List<int>();
        var rowVal = new List<float>();
        for (var r = 0; r < _rows; r++)
        {
            rowIdx.Clear();
            rowVal.Clear();
            var idx = RowIndices(r);
            var val = RowValues(r);
            var sorted = true;
            for (var k = 0; k < idx.Length; k++)
            {
                var m = map[idx[k]];
                if (m < 0) continue;
                if (rowIdx.Count > 0 && m < rowIdx[^1]) sorted = false;
                rowIdx.Add(m);
                rowVal.Add(val[k]);
            }
            if (!sorted)
            {
                var keys = rowIdx.ToArray();
                var vals = rowVal.ToArray();
                Array.Sort(keys, vals);
                indices.AddRange(keys);
                data.AddRange(vals);
            }
            else
            {
                indices.AddRange(rowIdx);
                data.AddRange(rowVal);
            }
            indptr[r + 1] = indices.Count;
        }
        return new CsrMatrix(_rows, cols.Count, indptr, indices.ToArray(), data.ToArray()) { SourceDtype = SourceDtype };
    }

    /// <summary>Sum of each row (float64 result of a float32 vectorised sum, as scipy's X.sum(1) on float32).</summary>
    public double[] RowSums()
    {
        var sums = new double[_rows];
        for (var r = 0; r < _rows; r++) sums[r] = TensorPrimitives.Sum(RowValues(r));
        return sums;
    }

    /// <summary>Mean of each row over all columns (zeros included).</summary>
    public double[] RowMeans()
    {
        var sums = RowSums();
        for (var r = 0; r < sums.Length; r++) sums[r] /= _cols;
        return sums;
    }

    /// <summary>Sum of each column, accumulated in float64.</summary>
    public double[] ColSums()
    {
        var sums = new double[_cols];
        var nnz = (int)Nnz;
        for (var k = 0; k < nnz; k++) sums[Indices[k]] += Data[k];
        return sums;
    }

    /// <summary>Mean of each column over all rows (zeros included).</summary>
    public double[] ColMeans()
    {
        var sums = ColSums();
        for (var c = 0; c < sums.Length; c++) sums[c] /= _rows;
        return sums;
    }

    /// <summary>Rows [start, start+count) as a dense row-major float32 block (for batching into models).</summary>
    public DenseMatrix ToDenseBlock(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > _rows)
            throw new ArgumentOutOfRangeException(nameof(count), $"rows {start}..{start + count} are outside 0..{_rows}");
        return ToDense(Enumerable.Range(start, count).ToArray());
    }

    /// <summary>A copy with the same sparsity pattern and new values (e.g. after normalisation).</summary>
    public CsrMatrix WithData(float[] data) =>
        new(_rows, _cols, IndPtr, Indices, data) { SourceDtype = SourceDtype };

    /// <summary>The same matrix in compressed sparse columns.</summary>
    public CscMatrix ToCsc()
    {
        var (indptr, indices, data) = SparseTranspose.Compress(_rows, _cols, IndPtr, Indices, Data);
        return new CscMatrix(_rows, _cols, indptr, indices, data) { SourceDtype = SourceDtype };
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
