using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>"dict" 0.1.0: a group whose children are elements (uns, obsm, layers …), read in name order as h5py lists them.</summary>
internal static class DictEncoding
{
    public static readonly IOSpec Spec = new("dict", "0.1.0");

    public static Dictionary<string, object?> Read(ElementReader reader, H5Group g)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in g.ChildNames()) result[name] = reader.Read(g, name);
        return result;
    }

    public static H5Group Write(H5Group parent, string key, IEnumerable<KeyValuePair<string, object?>> entries, H5WriteOptions o)
    {
        var g = parent.CreateGroup(key);
        foreach (var (k, v) in entries) ElementWriter.Write(g, k, v, o);
        return g;
    }
}
