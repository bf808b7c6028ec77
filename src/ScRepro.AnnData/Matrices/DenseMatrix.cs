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
}
