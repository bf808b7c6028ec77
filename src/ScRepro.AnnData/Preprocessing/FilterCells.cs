using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Preprocessing;

/// <summary>
/// scanpy.pp.filter_cells(adata, min_genes=…): keeps cells with at least min_genes genes expressed (X &gt; 0) and
/// records obs["n_genes"] (int64), as scanpy does in place.
/// </summary>
public static class FilterCells
{
    /// <summary>The kept cells as a new AnnData, and the mask over the input's cells.</summary>
    public static (AnnotatedData Result, bool[] Kept) MinGenes(AnnotatedData adata, int minGenes)
    {
        var x = adata.X ?? throw new ArgumentException("filter_cells needs X");
        var nGenes = GenesPerCell(x);
        var kept = nGenes.Select(n => n >= minGenes).ToArray();
        var rows = Enumerable.Range(0, kept.Length).Where(i => kept[i]).ToArray();
        var result = AnnDataSubset.Rows(adata, rows);
        result.Obs.Add(new NumericColumn("n_genes", rows.Select(r => (double)nGenes[r]).ToArray(), "int64"));
        return (result, kept);
    }

    /// <summary>Number of genes with a value above zero in each cell.</summary>
    public static int[] GenesPerCell(Matrix x)
    {
        var csr = x as CsrMatrix ?? (x as CscMatrix)?.ToCsr();
        var counts = new int[x.Rows];
        for (var r = 0; r < x.Rows; r++)
        {
            var values = csr is not null ? csr.RowValues(r) : ((DenseMatrix)x).Row(r);
            var n = 0;
            foreach (var v in values) if (v > 0) n++;
            counts[r] = n;
        }
        return counts;
    }
}
