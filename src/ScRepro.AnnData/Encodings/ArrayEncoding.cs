using ScRepro.AnnData.Matrices;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// "array" 0.2.0 and "string-array" 0.2.0 (fileformat-prose.md: dense arrays are datasets; string arrays are
/// variable-length UTF-8 datasets), plus "rec-array" 0.2.0 compound datasets.
/// </summary>
internal static class ArrayEncoding
{
    public static readonly IOSpec Array = new("array", "0.2.0");
    public static readonly IOSpec StringArray = new("string-array", "0.2.0");
    public static readonly IOSpec RecArray = new("rec-array", "0.2.0");

    /// <summary>2-D → DenseMatrix; 0-D/1-D → ArrayValue; compound → RecordArray.</summary>
    public static object Read(H5Dataset d)
    {
        var t = d.Type;
        if (t.Class == H5TypeClass.Compound) return ReadRecords(d);
        if (t.Class == H5TypeClass.String) return new ArrayValue(d.ReadStrings(), d.Shape, "object");
        return d.Rank switch
        {
            0 or 1 => ReadValues(d),
            2 => ReadDense(d),
            _ => throw ElementErrors.Bad(d, $"has {d.Rank} dimensions; only 0-, 1- and 2-D arrays are supported"),
        };
    }

    /// <summary>Numbers and bools of a 0-D or 1-D dataset.</summary>
    public static ArrayValue ReadValues(H5Dataset d)
    {
        var t = d.Type;
        System.Array values = t switch
        {
            { IsBool: true } => d.ReadBools(),
            { Class: H5TypeClass.Float } => d.Read<double>(),
            { Class: H5TypeClass.Integer } => d.Read<long>(),
            { Class: H5TypeClass.String } => d.ReadStrings(),
            _ => throw ElementErrors.Bad(d, $"holds {t.NumpyName} values; expected numbers, bools or strings"),
        };
        return new ArrayValue(values, d.Shape, t.NumpyName);
    }

    /// <summary>A 2-D dataset as a float32 DenseMatrix that remembers its on-disk dtype.</summary>
    public static DenseMatrix ReadDense(H5Dataset d)
    {
        if (d.Rank != 2) throw ElementErrors.Bad(d, $"has shape ({string.Join(", ", d.Shape)}); expected a 2-D array");
        var rows = checked((int)d.Shape[0]);
        var cols = checked((int)d.Shape[1]);
        return new DenseMatrix(rows, cols, d.Read<float>()) { SourceDtype = d.Type.NumpyName };
    }

    public static RecordArray ReadRecords(H5Dataset d)
    {
        var n = checked((int)d.Length);
        var fields = new List<(string, object)>();
        foreach (var m in d.Type.Members)
        {
            object values = m.Type switch
            {
                { Class: H5TypeClass.String } => new ArrayValue(d.ReadFieldStrings(m.Name), [n], "object"),
                { Class: H5TypeClass.Array } => new DenseMatrix(n, m.Type.ArrayLength, d.ReadField<float>(m.Name)) { SourceDtype = m.Type.NumpyName },
                { IsBool: true } => new ArrayValue(d.ReadFieldBools(m.Name), [n], "bool"),
                { Class: H5TypeClass.Float } => new ArrayValue(d.ReadField<double>(m.Name), [n], m.Type.NumpyName),
                { Class: H5TypeClass.Integer } => new ArrayValue(d.ReadField<long>(m.Name), [n], m.Type.NumpyName),
                _ => throw ElementErrors.Bad(d, $"field '{m.Name}' has unsupported type {m.Type.Class}"),
            };
            fields.Add((m.Name, values));
        }
        return new RecordArray(n, fields);
    }

    /// <summary>Writes <paramref name="values"/> as a dataset of numpy dtype <paramref name="dtype"/>.</summary>
    public static H5Dataset WriteNumeric(H5Group g, string key, ReadOnlySpan<double> values, long[] shape, string dtype, H5WriteOptions o) =>
        dtype switch
        {
            "float64" => g.CreateDataset(key, values, shape, o),
            "float32" => g.CreateDataset(key, Convert<float>(values, v => (float)v), shape, o),
            "int64" => g.CreateDataset(key, Convert<long>(values, v => (long)v), shape, o),
            "int32" => g.CreateDataset(key, Convert<int>(values, v => (int)v), shape, o),
            "int16" => g.CreateDataset(key, Convert<short>(values, v => (short)v), shape, o),
            "int8" => g.CreateDataset(key, Convert<sbyte>(values, v => (sbyte)v), shape, o),
            "uint64" => g.CreateDataset(key, Convert<ulong>(values, v => (ulong)v), shape, o),
            "uint32" => g.CreateDataset(key, Convert<uint>(values, v => (uint)v), shape, o),
            "uint16" => g.CreateDataset(key, Convert<ushort>(values, v => (ushort)v), shape, o),
            "uint8" => g.CreateDataset(key, Convert<byte>(values, v => (byte)v), shape, o),
            "bool" => g.CreateBoolDataset(key, Convert<bool>(values, v => v != 0), shape, o),
            _ => throw new ArgumentException($"cannot write numpy dtype '{dtype}' for '{key}'"),
        };

    /// <summary>Writes float32 values in the matrix's on-disk dtype (a float64 or integer X stays float64 or integer).</summary>
    public static H5Dataset WriteFloats(H5Group g, string key, float[] values, long[] shape, string dtype, H5WriteOptions o) =>
        dtype == "float32"
            ? g.CreateDataset<float>(key, values, shape, o)
            : WriteNumeric(g, key, Convert<double>(values, v => v), shape, dtype, o);

    private static T[] Convert<T>(ReadOnlySpan<double> values, Func<double, T> f)
    {
        var result = new T[values.Length];
        for (var i = 0; i < result.Length; i++) result[i] = f(values[i]);
        return result;
    }

    private static T[] Convert<T>(float[] values, Func<float, T> f)
    {
        var result = new T[values.Length];
        for (var i = 0; i < result.Length; i++) result[i] = f(values[i]);
        return result;
    }
}
