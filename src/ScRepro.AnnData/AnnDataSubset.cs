using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData;

/// <summary>adata[rows]: a cell subset of every obs-aligned element (X, obs, layers, obsm, obsp on both axes, raw/X).</summary>
public static class AnnDataSubset
{
    public static AnnotatedData Rows(AnnotatedData adata, IReadOnlyList<int> rows)
    {
        var result = new AnnotatedData(adata.X is null ? null : SliceRows(adata.X, rows), adata.Obs.Subset(rows), adata.Var);
        foreach (var (k, v) in adata.Layers) result.Layers[k] = SliceRows(v, rows);
        foreach (var (k, v) in adata.Obsm) result.Obsm[k] = Keep(v.ToDense(rows), v);
        foreach (var (k, v) in adata.Varm) result.Varm[k] = v;
        foreach (var (k, v) in adata.Obsp)
        {
            result.Obsp[k] = SliceRows(v, rows) switch
            {
                CsrMatrix c => c.SelectColumns(rows.Distinct().Count() == rows.Count ? rows : throw new ArgumentException("obsp cannot be subset with repeated rows")),
                DenseMatrix d => d.SelectColumns(rows),
                var other => other,
            };
        }
        foreach (var (k, v) in adata.Uns) result.Uns[k] = v;
        if (adata.Raw is { } raw) result.Raw = new RawData(raw.X is null ? null : SliceRows(raw.X, rows), raw.Var);
        return result;
    }

    /// <summary>Rows of any matrix kind (CSC is sliced through CSR and stays CSR).</summary>
    public static Matrix SliceRows(Matrix m, IReadOnlyList<int> rows) => m switch
    {
        CsrMatrix c => c.SliceRows(rows),
        CscMatrix c => c.ToCsr().SliceRows(rows),
        DenseMatrix d => Keep(d.ToDense(rows), d),
        _ => throw new ArgumentException($"unsupported matrix {m.GetType().Name}"),
    };

    private static DenseMatrix Keep(DenseMatrix sliced, DenseMatrix source) =>
        new(sliced.Rows, sliced.Cols, sliced.Data) { SourceDtype = source.SourceDtype };
}
