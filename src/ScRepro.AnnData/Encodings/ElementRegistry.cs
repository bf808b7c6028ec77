using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>How to read one (object kind, IOSpec).</summary>
internal sealed record ReadEntry(H5ObjectKind Kind, IOSpec Spec, Func<ElementReader, H5Object, object?> Read);

/// <summary>How to write one .NET type; <see cref="SpecFor"/> picks the encoding stamped on the result.</summary>
internal sealed record WriteEntry(Type Source, Func<object, IOSpec> SpecFor, Func<H5Group, string, object, H5WriteOptions, H5Object> Write);

/// <summary>
/// Every encoding ScRepro reads and writes, as explicit tables (style-anchors §4: anndata's IORegistry, but built
/// once here instead of filled by import side effects, so the set can be listed and tested).
/// </summary>
internal static class ElementRegistry
{
    public static IReadOnlyList<ReadEntry> Readers { get; } =
    [
        new(H5ObjectKind.Dataset, ArrayEncoding.Array, (_, e) => ArrayEncoding.Read((H5Dataset)e)),
        new(H5ObjectKind.Dataset, ArrayEncoding.StringArray, (_, e) => ArrayEncoding.Read((H5Dataset)e)),
        new(H5ObjectKind.Dataset, ArrayEncoding.RecArray, (_, e) => ArrayEncoding.ReadRecords((H5Dataset)e)),
        new(H5ObjectKind.Dataset, ScalarEncoding.Numeric, (_, e) => ScalarEncoding.ReadNumeric((H5Dataset)e)),
        new(H5ObjectKind.Dataset, ScalarEncoding.String, (_, e) => ScalarEncoding.ReadString((H5Dataset)e)),
        new(H5ObjectKind.Group, SparseEncoding.Csr, (_, e) => SparseEncoding.Read((H5Group)e)),
        new(H5ObjectKind.Group, SparseEncoding.Csc, (_, e) => SparseEncoding.Read((H5Group)e)),
        new(H5ObjectKind.Group, DataFrameEncoding.V020, (r, e) => DataFrameEncoding.Read(r, (H5Group)e)),
        new(H5ObjectKind.Group, DataFrameEncoding.V010, (r, e) => DataFrameEncoding.Read(r, (H5Group)e)),
        new(H5ObjectKind.Group, CategoricalEncoding.Spec, (r, e) => CategoricalEncoding.Read(r, (H5Group)e)),
        new(H5ObjectKind.Group, NullableEncoding.Integer, (_, e) => NullableEncoding.Read((H5Group)e, isBoolean: false)),
        new(H5ObjectKind.Group, NullableEncoding.Boolean, (_, e) => NullableEncoding.Read((H5Group)e, isBoolean: true)),
        new(H5ObjectKind.Group, DictEncoding.Spec, (r, e) => DictEncoding.Read(r, (H5Group)e)),
        new(H5ObjectKind.Group, IOSpec.Legacy, (r, e) => LegacyEncoding.ReadGroup(r, (H5Group)e)),
        new(H5ObjectKind.Dataset, IOSpec.Legacy, (_, e) => LegacyEncoding.ReadDataset((H5Dataset)e)),
    ];

    private static readonly Dictionary<(H5ObjectKind, IOSpec), ReadEntry> ReadIndex =
        Readers.ToDictionary(r => (r.Kind, r.Spec));

    public static ReadEntry? FindReader(H5ObjectKind kind, IOSpec spec) => ReadIndex.GetValueOrDefault((kind, spec));


    public static IReadOnlyList<WriteEntry> Writers { get; } =
    [
        new(typeof(CsrMatrix), v => SparseEncoding.Csr, (g, k, v, o) => SparseEncoding.Write(g, k, (Matrix)v, o)),
        new(typeof(CscMatrix), v => SparseEncoding.Csc, (g, k, v, o) => SparseEncoding.Write(g, k, (Matrix)v, o)),
        new(typeof(DenseMatrix), v => ArrayEncoding.Array, (g, k, v, o) =>
        {
            var m = (DenseMatrix)v;
            return ArrayEncoding.WriteFloats(g, k, m.Data, [m.Rows, m.Cols], m.SourceDtype, o);
        }),
        new(typeof(DataFrame), v => DataFrameEncoding.V020, (g, k, v, o) => DataFrameEncoding.Write(g, k, (DataFrame)v, o)),
        new(typeof(CategoricalColumn), v => CategoricalEncoding.Spec, (g, k, v, o) => CategoricalEncoding.Write(g, (CategoricalColumn)Renamed((Column)v, k), o)),
        new(typeof(NullableColumn), v => ((NullableColumn)v).IsBoolean ? NullableEncoding.Boolean : NullableEncoding.Integer,
            (g, k, v, o) => NullableEncoding.Write(g, (NullableColumn)Renamed((Column)v, k), o)),
        new(typeof(NumericColumn), v => ArrayEncoding.Array, (g, k, v, o) =>
        {
            var c = (NumericColumn)v;
            return ArrayEncoding.WriteNumeric(g, k, c.Values, [c.Length], c.PandasDtype, o);
        }),
        new(typeof(BoolColumn), v => ArrayEncoding.Array, (g, k, v, o) => g.CreateBoolDataset(k, ((BoolColumn)v).Values, [((BoolColumn)v).Length], o)),
        // A string column with missing values cannot be a vlen string array; anndata itself turns string columns
        // into categoricals on write, where missing is code -1.
        new(typeof(StringColumn), v => ((StringColumn)v).Values.Any(s => s is null) ? CategoricalEncoding.Spec : ArrayEncoding.StringArray,
            (g, k, v, o) =>
            {
                var c = (StringColumn)v;
                return c.Values.Any(s => s is null)
                    ? CategoricalEncoding.Write(g, CategoricalColumn.FromLabels(k, c.Values), o)
                    : g.CreateStringDataset(k, c.Values, [c.Length], o);
            }),
        new(typeof(Dictionary<string, object?>), v => DictEncoding.Spec, (g, k, v, o) => DictEncoding.Write(g, k, (Dictionary<string, object?>)v, o)),
        new(typeof(string), v => ScalarEncoding.String, (g, k, v, o) => ScalarEncoding.WriteString(g, k, (string)v)),
        new(typeof(bool), v => ScalarEncoding.Numeric, (g, k, v, o) => ScalarEncoding.WriteNumeric(g, k, v)),
        new(typeof(double), v => ScalarEncoding.Numeric, (g, k, v, o) => ScalarEncoding.WriteNumeric(g, k, v)),
        new(typeof(float), v => ScalarEncoding.Numeric, (g, k, v, o) => ScalarEncoding.WriteNumeric(g, k, v)),
        new(typeof(long), v => ScalarEncoding.Numeric, (g, k, v, o) => ScalarEncoding.WriteNumeric(g, k, v)),
        new(typeof(int), v => ScalarEncoding.Numeric, (g, k, v, o) => ScalarEncoding.WriteNumeric(g, k, v)),
        new(typeof(string[]), v => ArrayEncoding.StringArray, (g, k, v, o) => g.CreateStringDataset(k, (string[])v, [((string[])v).Length], o)),
        new(typeof(double[]), v => ArrayEncoding.Array, (g, k, v, o) => g.CreateDataset<double>(k, (double[])v, [((double[])v).Length], o)),
        new(typeof(float[]), v => ArrayEncoding.Array, (g, k, v, o) => g.CreateDataset<float>(k, (float[])v, [((float[])v).Length], o)),
        new(typeof(long[]), v => ArrayEncoding.Array, (g, k, v, o) => g.CreateDataset<long>(k, (long[])v, [((long[])v).Length], o)),
        new(typeof(int[]), v => ArrayEncoding.Array, (g, k, v, o) => g.CreateDataset<int>(k, (int[])v, [((int[])v).Length], o)),
        new(typeof(bool[]), v => ArrayEncoding.Array, (g, k, v, o) => g.CreateBoolDataset(k, (bool[])v, [((bool[])v).Length], o)),
    ];

    private static readonly Dictionary<Type, WriteEntry> WriteIndex = Writers.ToDictionary(w => w.Source);

    public static WriteEntry? FindWriter(object value) => WriteIndex.GetValueOrDefault(value.GetType());

    // A column stored under another key (e.g. a dict entry) is written under that key.
    private static Column Renamed(Column c, string key) => c.Name == key ? c : c switch
    {
        CategoricalColumn k => new CategoricalColumn(key, k.Codes, k.Categories, k.Ordered),
        NullableColumn n => new NullableColumn(key, n.Values, n.Mask, n.IsBoolean),
        _ => c,
    };
}
