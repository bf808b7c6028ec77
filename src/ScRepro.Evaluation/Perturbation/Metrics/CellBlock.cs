using ScRepro.AnnData.Matrices;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// Cells as dense float rows shifted by a centre (distances do not change; centring keeps ‖a‖²+‖b‖²−2a·b from cancelling),
/// padded with zero rows to a multiple of 4 and zero columns to a multiple of the K chunk, with exact squared norms.
/// </summary>
internal sealed class CellBlock
{
    public const int RowTile = 4;
    public const int KChunk = 512;

    private CellBlock(int rows, int paddedRows, int stride, float[] data, double[] norms)
    {
        Rows = rows;
        PaddedRows = paddedRows;
        Stride = stride;
        Data = data;
        SquaredNorms = norms;
    }

    public int Rows { get; }
    public int PaddedRows { get; }
    public int Stride { get; }
    public float[] Data { get; }
    public double[] SquaredNorms { get; }

    public static CellBlock From(CsrMatrix x, IReadOnlyList<int> rows, double[] centre)
    {
        var stride = (x.Cols + KChunk - 1) / KChunk * KChunk;
        var padded = (rows.Count + RowTile - 1) / RowTile * RowTile;
        var data = new float[(long)padded * stride];
        var norms = new double[padded];
        var centreF = centre.Select(c => (float)c).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = data.AsSpan(i * stride, x.Cols);
            for (var g = 0; g < x.Cols; g++) row[g] = -centreF[g];
            var idx = x.RowIndices(rows[i]);
            var val = x.RowValues(rows[i]);
            for (var k = 0; k < idx.Length; k++) row[idx[k]] = (float)(val[k] - centre[idx[k]]);
            double n = 0;
            foreach (var v in row) n += (double)v * v;
            norms[i] = n;
        }
        return new CellBlock(rows.Count, padded, stride, data, norms);
    }

    /// <summary>True when both blocks hold bit-identical rows (lets pred reuse real's control self-distance).</summary>
    public bool SameAs(CellBlock other) =>
        Rows == other.Rows && Stride == other.Stride && Data.AsSpan().SequenceEqual(other.Data);
}
