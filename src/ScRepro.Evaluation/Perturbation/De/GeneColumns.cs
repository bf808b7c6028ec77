using ScRepro.AnnData.Matrices;

namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>
/// The non-zero values of a set of CSR rows regrouped by gene (a CSC view of a row subset), plus the
/// per-gene sum, so one pass over the rows serves both the rank test and the mean.
/// </summary>
internal sealed class GeneColumns
{
    private GeneColumns(int cells, int[] start, float[] values, double[] sums)
    {
        Cells = cells;
        _start = start;
        _values = values;
        Sums = sums;
    }

    private readonly int[] _start;
    private readonly float[] _values;

    /// <summary>Number of cells (rows) the columns were built from; the rest of each column is zeros.</summary>
    public int Cells { get; }

    /// <summary>Σ over cells of each gene, in double.</summary>
    public double[] Sums { get; }

    /// <summary>Stored non-zero values of gene <paramref name="g"/>, in row order.</summary>
    public Span<float> NonZeros(int g) => _values.AsSpan(_start[g], _start[g + 1] - _start[g]);

    public static GeneColumns Build(CsrMatrix x, IReadOnlyList<int> rows)
    {
        var genes = x.Cols;
        var start = new int[genes + 1];
        foreach (var r in rows)
        {
            var idx = x.RowIndices(r);
            var val = x.RowValues(r);
            for (var k = 0; k < idx.Length; k++)
                if (val[k] != 0f) start[idx[k] + 1]++;
        }
        for (var g = 0; g < genes; g++) start[g + 1] += start[g];
        var fill = start[..genes];
        var values = new float[start[genes]];
        var sums = new double[genes];
        foreach (var r in rows)
        {
            var idx = x.RowIndices(r);
            var val = x.RowValues(r);
            for (var k = 0; k < idx.Length; k++)
            {
                if (val[k] == 0f) continue;
                values[fill[idx[k]]++] = val[k];
                sums[idx[k]] += val[k];
            }
        }
        return new GeneColumns(rows.Count, start, values, sums);
    }
}
