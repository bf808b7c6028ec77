using ScRepro.AnnData.Frames;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// "dataframe" 0.2.0 (fileformat-prose.md: a group with _index and column-order attributes and one element per
/// column), "dataframe" 0.1.0 (anndata 0.7: categorical columns reference their categories), and anndata &lt; 0.7's
/// compound dataset whose first field is the index.
/// </summary>
internal static class DataFrameEncoding
{
    public static readonly IOSpec V020 = new("dataframe", "0.2.0");
    public static readonly IOSpec V010 = new("dataframe", "0.1.0");

    public static DataFrame Read(ElementReader reader, H5Group g)
    {
        var indexKey = g.ReadStringAttribute("_index") ?? throw ElementErrors.Bad(g, "dataframe has no '_index' attribute");
        var order = g.HasAttribute("column-order") ? g.ReadStringArrayAttribute("column-order") : [];
        var legacyCategories = reader.Spec(g) == V010;
        if (!g.Exists(indexKey)) throw ElementErrors.Bad(g, $"the index element '{indexKey}' is missing");
        var index = ColumnValues.ToStrings(reader.Read(g, indexKey), g, indexKey);
        var df = new DataFrame(index, indexKey);
        foreach (var name in order)
        {
            if (!g.Exists(name)) throw ElementErrors.Bad(g, $"column '{name}' is listed in column-order but missing");
            Column column;
            if (legacyCategories && g.KindOf(name) == H5ObjectKind.Dataset && HasCategoriesRef(g, name))
            {
                using var ds = g.OpenDataset(name);
                column = CategoricalEncoding.ReadReferenced(reader, g, ds);
            }
            else
            {
                column = ColumnValues.ToColumn(name, reader.Read(g, name), g);
            }
            if (column.Length != index.Length)
                throw ElementErrors.Bad(g, name, $"column has {column.Length} values but the index {index.Length}");
            df.Add(column);
        }
        return df;
    }

    private static bool HasCategoriesRef(H5Group g, string name)
    {
        using var ds = g.OpenDataset(name);
        return ds.HasAttribute("categories") && ds.AttributeType("categories").Class == H5TypeClass.Reference;
    }

    /// <summary>anndata &lt; 0.7: a compound dataset, first field the index (its name becomes the index name).</summary>
    public static DataFrame ReadLegacy(RecordArray records, H5Dataset d)
    {
        if (records.Fields.Count == 0) throw ElementErrors.Bad(d, "compound dataframe has no fields");
        var (indexName, indexValues) = records.Fields[0];
        var df = new DataFrame(ColumnValues.ToStrings(indexValues, d, indexName), indexName);
        foreach (var (name, values) in records.Fields.Skip(1)) df.Add(ColumnValues.ToColumn(name, values, d));
        return df;
    }

    public static H5Group Write(H5Group parent, string key, DataFrame df, H5WriteOptions o)
    {
        if (df.Contains(df.IndexName))
            throw new Foundation.Errors.ScReproException($"cannot write dataframe '{key}': a column is named like its index ('{df.IndexName}')");
        if (df.Contains("_index"))
            throw new Foundation.Errors.ScReproException($"cannot write dataframe '{key}': '_index' is a reserved column name");
        var g = parent.CreateGroup(key);
        g.WriteStringArrayAttribute("column-order", df.Columns.Select(c => c.Name).ToArray());
        g.WriteStringAttribute("_index", df.IndexName);
        ElementWriter.Stamp(g.CreateStringDataset(df.IndexName, df.Index, [df.Count], o), ArrayEncoding.StringArray);
        foreach (var c in df.Columns) ElementWriter.Write(g, c.Name, c, o);
        return g;
    }
}
