using ScRepro.AnnData.Encodings;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData;

/// <summary>
/// anndata's read-time fixes for old files (anndata/compat: _clean_uns, _move_adj_mtx), applied exactly as
/// anndata 0.8 applies them so that a legacy file reads the same here as there.
/// </summary>
internal static class LegacyCompat
{
    /// <summary>
    /// _clean_uns: uns["{col}_categories"] turns integer column {col} of obs and var into a categorical when every
    /// code is below the number of categories; the uns keys used are returned (anndata deletes them from uns).
    /// </summary>
    public static HashSet<string> ApplyUnsCategories(IReadOnlyDictionary<string, string[]> categories, params DataFrame[] frames)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, cats) in categories)
        {
            var name = key.Replace("_categories", "", StringComparison.Ordinal);
            foreach (var df in frames)
            {
                if (!df.Contains(name) || df[name] is not NumericColumn { PandasDtype: var dt } col || dt.StartsWith("float", StringComparison.Ordinal))
                    continue;
                if (!col.Values.All(v => v < cats.Length)) continue;
                df.Add(new CategoricalColumn(name, col.Values.Select(v => (int)v).ToArray(), cats));
                used.Add(key);
            }
        }
        return used;
    }

    /// <summary>_move_adj_mtx: uns["neighbors"]["distances"/"connectivities"] (2-D) move to obsp, in that order.</summary>
    public static void MoveAdjacency(Dictionary<string, object?> uns, Dictionary<string, Matrix> obsp)
    {
        if (uns.GetValueOrDefault("neighbors") is not Dictionary<string, object?> n) return;
        foreach (var k in new[] { "distances", "connectivities" })
        {
            if (n.GetValueOrDefault(k) is Matrix m)
            {
                obsp[k] = m;
                n.Remove(k);
            }
        }
    }

    /// <summary>The "{col}_categories" entries of uns as string arrays (a lone string is one category).</summary>
    public static Dictionary<string, string[]> CategoriesIn(IReadOnlyDictionary<string, object?> uns)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (k, v) in uns)
        {
            if (!k.EndsWith("_categories", StringComparison.Ordinal)) continue;
            string[]? cats = v switch
            {
                string s => [s],
                string[] a => a,
                long l => [l.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                long[] a => a.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                _ => null,
            };
            if (cats is not null) result[k] = cats;
        }
        return result;
    }

    /// <summary>A legacy compound dataframe or a current one.</summary>
    public static DataFrame ToFrame(object? value, Hdf5.H5Object where) => value switch
    {
        DataFrame df => df,
        RecordArray r when where is Hdf5.H5Dataset d => DataFrameEncoding.ReadLegacy(r, d),
        _ => throw ElementErrors.Bad(where, $"is not a dataframe ({value?.GetType().Name ?? "null"})"),
    };
}
