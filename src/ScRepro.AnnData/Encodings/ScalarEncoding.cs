using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>"numeric-scalar" 0.2.0 and "string" 0.2.0: 0-D datasets (fileformat-prose.md, scalars).</summary>
internal static class ScalarEncoding
{
    public static readonly IOSpec Numeric = new("numeric-scalar", "0.2.0");
    public static readonly IOSpec String = new("string", "0.2.0");

    public static object ReadNumeric(H5Dataset d)
    {
        var v = ArrayEncoding.ReadValues(d);
        if (v.Length != 1) throw ElementErrors.Bad(d, $"numeric-scalar holds {v.Length} values");
        return v.Values.GetValue(0)!;
    }

    public static string ReadString(H5Dataset d)
    {
        var values = d.ReadStrings();
        return values.Length == 1 ? values[0] : throw ElementErrors.Bad(d, $"string scalar holds {values.Length} values");
    }

    public static H5Dataset WriteNumeric(H5Group g, string key, object value) => value switch
    {
        bool b => g.CreateBoolDataset(key, [b], []),
        double x => g.CreateDataset(key, [x], ReadOnlySpan<long>.Empty),
        float x => g.CreateDataset(key, [x], ReadOnlySpan<long>.Empty),
        long x => g.CreateDataset(key, [x], ReadOnlySpan<long>.Empty),
        int x => g.CreateDataset(key, [(long)x], ReadOnlySpan<long>.Empty), // Python ints are int64 in numpy
        _ => throw new ArgumentException($"'{key}': {value.GetType().Name} is not a numeric scalar"),
    };

    public static H5Dataset WriteString(H5Group g, string key, string value) => g.CreateStringDataset(key, [value], []);
}
