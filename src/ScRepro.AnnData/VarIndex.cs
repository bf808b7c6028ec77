using ScRepro.AnnData.Frames;

namespace ScRepro.AnnData;

/// <summary>
/// <c>adata.var.set_index(adata.var[column])</c>, as scGPT's scripts do before joining files: gene symbols become
/// var_names and the column stays (scGPT reads var["gene_name"] later). pandas would also name the index after the
/// column; the index keeps anndata's "_index" name instead, because current anndata refuses to write a dataframe whose
/// index and a column share a name (0.8 silently writes both into one dataset).
/// </summary>
public static class VarIndex
{
    public static AnnotatedData FromColumn(AnnotatedData adata, string column)
    {
        if (!adata.Var.Contains(column))
            throw new KeyNotFoundException($"var has no column '{column}' (have: {string.Join(", ", adata.Var.Columns.Select(c => c.Name))})");
        var source = adata.Var[column];
        var names = new string[adata.NVars];
        for (var i = 0; i < names.Length; i++)
            names[i] = source.GetString(i) ?? throw new ArgumentException($"var column '{column}' is missing a value at row {i}");
        var var = new DataFrame(names);
        foreach (var c in adata.Var.Columns) var.Add(c);
        var result = new AnnotatedData(adata.X, adata.Obs, var) { Raw = adata.Raw };
        foreach (var (k, v) in adata.Layers) result.Layers[k] = v;
        foreach (var (k, v) in adata.Obsm) result.Obsm[k] = v;
        foreach (var (k, v) in adata.Varm) result.Varm[k] = v;
        foreach (var (k, v) in adata.Obsp) result.Obsp[k] = v;
        foreach (var (k, v) in adata.Uns) result.Uns[k] = v;
        return result;
    }
}
