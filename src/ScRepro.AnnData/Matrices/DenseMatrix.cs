using System.Numerics.Tensors;

namespace ScRepro.AnnData.Matrices;

/// <summary>Row-major float32 matrix.</summary>
public sealed class DenseMatrix : Matrix
{
    public DenseMatrix(int rows, int cols, float[]? data = null)
    {
        if (data is not null && data.Length != (long)rows * cols)
            throw new ArgumentException($"dense data has {data.Length} values, expected {rows}x{cols}");
        _rows = rows;
        _cols = cols;
        Data = data ?? new float[(long)rows * cols];
    }

    private readonly int _rows;
    private readonly int _cols;
    public override int Rows => _rows;
    public override int Cols => _cols;
    public float[] Data { get; }

    public Span<float> Row(int i) => Data.AsSpan(i * _cols, _cols);

    public float this[int r, int c]
    {
        get => Data[r * _cols + c];
        set => Data[r * _cols + c] = value;
    }

    public override DenseMatrix ToDense(IReadOnlyList<int>? rows = null)
    {
        if (rows is null) return new DenseMatrix(_rows, _cols, (float[])Data.Clone());
        var result = new DenseMatrix(rows.Count, _cols);
        for (var i = 0; i < rows.Count; i++) Row(rows[i]).CopyTo(result.Row(i));
        return result;
    }

    /// <summary>Sum of each row.</summary>
    public double[] RowSums()
    {
        var sums = new double[_rows];
        for (var r = 0; r < _rows; r++) sums[r] = TensorPrimitives.Sum<float>(Row(r));
        return sums;
    }

    /// <summary>Sum of each column, accumulated in float64.</summary>
    public double[] ColSums()
    {
        var sums = new double[_cols];
        for (var r = 0; r < _rows; r++)
        {
            var row = Row(r);
            for (var c = 0; c < _cols; c++) sums[c] += row[c];
        }
        return sums;
    }

    /// <summary>Columns <paramref name="cols"/> in the order given.</summary>
    public DenseMatrix SelectColumns(IReadOnlyList<int> cols)
    {
        var result = new DenseMatrix(_rows, cols.Count) { SourceDtype = SourceDtype };
        for (var r = 0; r < _rows; r++)
        {
            var src = Row(r);
            var dst = result.Row(r);
            for (var j = 0; j < cols.Count; j++) dst[j] = src[cols[j]];
        }
        return result;
    }
}
