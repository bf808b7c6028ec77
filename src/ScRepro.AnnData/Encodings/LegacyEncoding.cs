using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// Elements without encoding attributes (anndata &lt; 0.8; IOSpec("", "") → read_basic): groups are h5sparse
/// matrices or plain dicts; datasets follow anndata's h5ad.read_dataset (byte strings decoded, a one-element string
/// array collapsed to a string, compound datasets kept as records).
/// </summary>
internal static class LegacyEncoding
{
    public static object ReadGroup(ElementReader reader, H5Group g) =>
        SparseEncoding.FormatOf(g) is not null ? SparseEncoding.Read(g) : DictEncoding.Read(reader, g);

    public static object ReadDataset(H5Dataset d)
    {
        if (d.Type.Class == H5TypeClass.String && d.Rank <= 1)
        {
            var values = d.ReadStrings();
            // Backwards compat in anndata: old files stored a string as a one-element array.
            return values.Length == 1 ? values[0] : new ArrayValue(values, d.Shape, "object");
        }
        return ArrayEncoding.Read(d);
    }
}
