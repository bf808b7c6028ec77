using System.Globalization;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>Turns decoded elements into what their consumer holds: dataframe columns, index labels, uns values.</summary>
internal static class ColumnValues
{
    /// <summary>A decoded element as an obs/var column named <paramref name="name"/>.</summary>
    public static Column ToColumn(string name, object? value, H5Object frame) => value switch
    {
        CategoricalColumn c => c.Name == name ? c : new CategoricalColumn(name, c.Codes, c.Categories, c.Ordered),
        NullableColumn n => n.Name == name ? n : new NullableColumn(name, n.Values, n.Mask, n.IsBoolean),
        ArrayValue { IsScalar: false } a => a.Values switch
        {
            double[] d => new NumericColumn(name, d, a.Dtype),
            long[] l => new NumericColumn(name, l.Select(x => (double)x).ToArray(), a.Dtype),
            bool[] b => new BoolColumn(name, b),
            string[] s => new StringColumn(name, s),
            _ => throw ElementErrors.Bad(frame, name, "unsupported column values"),
        },
        _ => throw ElementErrors.Bad(frame, name, $"is not a dataframe column ({value?.GetType().Name ?? "null"})"),
    };

    /// <summary>Index labels or categories as strings (numeric ones formatted as pandas prints them).</summary>
    public static string[] ToStrings(object? value, H5Object parent, string key) => value switch
    {
        ArrayValue { Values: string[] s } => s,
        ArrayValue { Values: long[] l } => l.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray(),
        ArrayValue { Values: double[] d } => d.Select(x => x.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
        ArrayValue { Values: bool[] b } => b.Select(x => x ? "True" : "False").ToArray(),
        string s => [s],
        _ => throw ElementErrors.Bad(parent, key, "expected an array of labels"),
    };

    /// <summary>
    /// An element as an uns value: scalars become string/double/long/bool, 1-D arrays string[]/double[]/float[]/
    /// long[]/int[]/bool[], 2-D arrays Matrix, groups nested dictionaries. A structured array becomes a dictionary
    /// of its fields (departure: ScRepro has no rec-array type, so it writes such a value back as a dict).
    /// </summary>
    public static object? ToUns(object? value) => value switch
    {
        ArrayValue { IsScalar: true } a => a.Values.GetValue(0),
        ArrayValue a => a.Values switch
        {
            double[] d when a.Dtype == "float32" => d.Select(x => (float)x).ToArray(),
            long[] l when a.Dtype == "int32" => l.Select(x => (int)x).ToArray(),
            _ => a.Values,
        },
        Dictionary<string, object?> dict => dict.ToDictionary(kv => kv.Key, kv => ToUns(kv.Value), StringComparer.Ordinal),
        RecordArray r => r.Fields.ToDictionary(f => f.Name, f => ToUns(f.Values), StringComparer.Ordinal),
        _ => value,
    };

    /// <summary>An element as an obsm/varm entry (dense; sparse ones are densified).</summary>
    public static DenseMatrix ToDense(object? value, H5Object parent, string key) => value switch
    {
        DenseMatrix d => d,
        Matrix m => m.ToDense(),
        ArrayValue { Values: double[] d, IsScalar: false } a => new DenseMatrix(d.Length, 1, d.Select(x => (float)x).ToArray()) { SourceDtype = a.Dtype },
        ArrayValue { Values: long[] l, IsScalar: false } a => new DenseMatrix(l.Length, 1, l.Select(x => (float)x).ToArray()) { SourceDtype = a.Dtype },
        _ => throw ElementErrors.Bad(parent, key, $"expected a 2-D array ({value?.GetType().Name ?? "null"})"),
    };
}
