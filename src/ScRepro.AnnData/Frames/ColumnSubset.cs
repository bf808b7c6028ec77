namespace ScRepro.AnnData.Frames;

/// <summary>Row selection for each column kind.</summary>
internal static class ColumnSubset
{
    public static Column Take(Column c, IReadOnlyList<int> rows) => c switch
    {
        NumericColumn n => new NumericColumn(n.Name, Pick(n.Values, rows), n.PandasDtype),
        BoolColumn b => new BoolColumn(b.Name, Pick(b.Values, rows)),
        StringColumn s => new StringColumn(s.Name, Pick(s.Values, rows)),
        CategoricalColumn k => new CategoricalColumn(k.Name, Pick(k.Codes, rows), k.Categories, k.Ordered),
        NullableColumn m => new NullableColumn(m.Name, Pick(m.Values, rows), Pick(m.Mask, rows), m.IsBoolean),
        _ => throw new NotSupportedException($"cannot subset column '{c.Name}' of type {c.GetType().Name}"),
    };

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var result = new T[rows.Count];
        for (var i = 0; i < rows.Count; i++) result[i] = values[rows[i]];
        return result;
    }
}
