using ScRepro.AnnData.Matrices;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// Where each CSR row's non-zeros cross every gene-chunk boundary. The pairwise sum walks the same rows against every
/// 64-cell block of the other side; finding the boundaries once, instead of scanning indices per block, took the scan
/// out of the inner loop (it cost about as much as the FMAs it fed).
/// </summary>
internal sealed class ChunkedRows
{
    private readonly int[] _starts;

    private ChunkedRows(int chunks, int[] starts)
    {
        Chunks = chunks;
        _starts = starts;
    }

    public int Chunks { get; }

    /// <summary>Position in the CSR arrays of row <paramref name="row"/>'s first non-zero at or after chunk <paramref name="chunk"/>.</summary>
    public int Start(int row, int chunk) => _starts[row * (Chunks + 1) + chunk];

    /// <summary>Rows' non-zeros must be in gene order when <paramref name="chunk"/> is below <paramref name="genes"/>.</summary>
    public static ChunkedRows Split(CsrMatrix x, int[] rows, int genes, int chunk)
    {
        var chunks = (genes + chunk - 1) / chunk;
        var starts = new int[rows.Length * (chunks + 1)];
        var indices = x.Indices;
        for (var r = 0; r < rows.Length; r++)
        {
            var p = x.IndPtr[rows[r]];
            var end = x.IndPtr[rows[r] + 1];
            var o = r * (chunks + 1);
            for (var c = 0; c < chunks; c++)
            {
                starts[o + c] = p;
                var gEnd = Math.Min(genes, (c + 1) * chunk);
                while (p < end && indices[p] < gEnd) p++;
            }
            starts[o + chunks] = end;
        }
        return new ChunkedRows(chunks, starts);
    }
}
