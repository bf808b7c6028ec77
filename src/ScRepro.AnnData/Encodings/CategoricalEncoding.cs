using ScRepro.AnnData.Frames;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// "categorical" 0.2.0 (fileformat-prose.md: a group with codes and categories arrays and an ordered attribute;
/// code -1 is missing), and anndata 0.7's codes dataset whose "categories" attribute references the categories.
/// </summary>
internal static class CategoricalEncoding
{
    public static readonly IOSpec Spec = new("categorical", "0.2.0");

    public static CategoricalColumn Read(ElementReader reader, H5Group g)
    {
        using var codesDs = g.OpenDataset("codes");
        var codes = codesDs.Read<int>();
        var categories = ColumnValues.ToStrings(reader.Read(g, "categories"), g, "categories");
        Validate(g, codes, categories.Length);
        return new CategoricalColumn(g.Name, codes, categories, g.ReadBoolAttribute("ordered", false));
    }

    /// <summary>anndata 0.7 (dataframe 0.1.0): codes dataset with an object reference to its categories.</summary>
    public static CategoricalColumn ReadReferenced(ElementReader reader, H5Group frame, H5Dataset codesDs)
    {
        var target = codesDs.ReadReferenceAttribute("categories");
        var codes = codesDs.Read<int>();
        using var catsDs = frame.OpenDataset(target);
        var categories = ColumnValues.ToStrings(ArrayEncoding.Read(catsDs), frame, target);
        Validate(codesDs, codes, categories.Length);
        return new CategoricalColumn(codesDs.Name, codes, categories, catsDs.ReadBoolAttribute("ordered", false));
    }

    private static void Validate(H5Object where, int[] codes, int nCategories)
    {
        foreach (var c in codes)
        {
            if (c < -1 || c >= nCategories)
                throw ElementErrors.Bad(where, $"category code {c} is outside -1..{nCategories - 1}");
        }
    }

    public static H5Group Write(H5Group parent, CategoricalColumn c, H5WriteOptions o)
    {
        var g = parent.CreateGroup(c.Name);
        g.WriteBoolAttribute("ordered", c.Ordered);
        // pandas' coerce_indexer_dtype: the smallest signed integer type that holds len(categories).
        var n = c.Categories.Length;
        var dtype = n < sbyte.MaxValue ? "int8" : n < short.MaxValue ? "int16" : "int32";
        var codes = c.Codes.Select(x => (double)x).ToArray();
        ElementWriter.Stamp(ArrayEncoding.WriteNumeric(g, "codes", codes, [codes.Length], dtype, o), ArrayEncoding.Array);
        ElementWriter.Stamp(g.CreateStringDataset("categories", c.Categories, [n], o), ArrayEncoding.StringArray);
        return g;
    }
}
