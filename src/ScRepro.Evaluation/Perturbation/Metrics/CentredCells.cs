using ScRepro.AnnData.Matrices;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// The "b" side of a pairwise-distance sum: cells shifted by a centre c (distances do not change; centring keeps the
/// expansion ‖a−b‖² = ‖a−c‖² + ‖b−c‖² − 2a·(b−c) + 2c·(b−c) free of cancellation), stored gene-major in blocks of
/// <see cref="Width"/> cells so a sparse row of "a" is an AXPY over contiguous floats; plus the exact double terms.
/// </summary>
internal sealed class CentredCells
{
    public const int Width = 64;

    private CentredCells(int cells, int genes, float[] blocks, double[] norms, double[] centreDots, int[] rows)
    {
        Cells = cells;
        Genes = genes;
        Blocks = blocks;
        SquaredNorms = norms;
        CentreDots = centreDots;
        Rows = rows;
    }

    public int Cells { get; }
    public int Genes { get; }
    public int BlockCount => (Cells + Width - 1) / Width;

    /// <summary>Block b, gene g, cell j at [(b·Genes + g)·Width + j]; padding cells are zero.</summary>
    public float[] Blocks { get; }

    /// <summary>‖b_j − c‖² in double (padded to whole blocks with zeros).</summary>
    public double[] SquaredNorms { get; }

    /// <summary>c·(b_j − c) in double (padded with zeros).</summary>
    public double[] CentreDots { get; }

    /// <summary>The source rows, so a self-sum can recognise the diagonal.</summary>
    public int[] Rows { get; }

    public static CentredCells From(CsrMatrix x, int[] rows, double[] centre)
    {
        var genes = x.Cols;
        var blocks = (rows.Length + Width - 1) / Width;
        var data = new float[(long)blocks * genes * Width];
        var norms = new double[blocks * Width];
        var dots = new double[blocks * Width];
        var dense = new double[genes];
        for (var j = 0; j < rows.Length; j++)
        {
            Array.Clear(dense);
            var idx = x.RowIndices(rows[j]);
            var val = x.RowValues(rows[j]);
            for (var k = 0; k < idx.Length; k++) dense[idx[k]] = val[k];
            var baseOffset = (long)(j / Width) * genes * Width + j % Width;
            double n = 0, d = 0;
            for (var g = 0; g < genes; g++)
            {
                var v = dense[g] - centre[g];
                var f = (float)v;
                data[baseOffset + (long)g * Width] = f;
                // Norms and centre terms use the stored float value, so all terms describe the same vector.
                n += (double)f * f;
                d += centre[g] * f;
            }
            norms[j] = n;
            dots[j] = d;
        }
        return new CentredCells(rows.Length, genes, data, norms, dots, rows);
    }

    /// <summary>True when both hold bit-identical data (pred's copied control reuses real's self-distance).</summary>
    public bool SameAs(CentredCells other) =>
        Cells == other.Cells && Genes == other.Genes && Blocks.AsSpan().SequenceEqual(other.Blocks)
        && SquaredNorms.AsSpan().SequenceEqual(other.SquaredNorms) && CentreDots.AsSpan().SequenceEqual(other.CentreDots);
}
