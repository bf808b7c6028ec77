namespace ScRepro.AnnData.Frames;

/// <summary>Column operations concatenation needs: stacking parts (pandas concat semantics), equality, renaming.</summary>
internal static class FrameColumns
{
    /// <summary>
    /// One column from per-part pieces (null where a part lacks it, with <paramref name="lengths"/> rows). Categoricals
    /// take the sorted union of categories (what anndata 0.8 produced for scGPT's files); numbers stay numbers with NaN
    /// for absent parts; anything mixed or absent otherwise becomes strings with nulls, like pandas' object dtype.
    /// </summary>
    public static Column Stack(string name, IReadOnlyList<Column?> pieces, IReadOnlyList<int> lengths)
    {
        var present = pieces.Where(p => p is not null).ToList();
        if (present.All(p => p is CategoricalColumn))
        {
            // Unused categories survive, as they do in pandas.
            var categories = present.Cast<CategoricalColumn>().SelectMany(c => c.Categories).Distinct().Order(StringComparer.Ordinal).ToArray();
            var code = categories.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
            return new CategoricalColumn(name, Enumerate(pieces, lengths).Select(l => l is null ? -1 : code[l]).ToArray(), categories);
        }
        if (present.All(p => p is NumericColumn))
        {
            var dtypes = present.Cast<NumericColumn>().Select(n => n.PandasDtype).Distinct().ToList();
            var values = new List<double>();
            for (var i = 0; i < pieces.Count; i++)
                values.AddRange(pieces[i] is NumericColumn n ? n.Values : Enumerable.Repeat(double.NaN, lengths[i]));
            var whole = present.Count == pieces.Count;
            var dtype = dtypes.Count == 1 && (whole || dtypes[0].StartsWith("float", StringComparison.Ordinal)) ? dtypes[0] : "float64";
            return new NumericColumn(name, values.ToArray(), dtype);
        }
        if (present.All(p => p is BoolColumn) && present.Count == pieces.Count)
            return new BoolColumn(name, pieces.SelectMany(p => ((BoolColumn)p!).Values).ToArray());
        return new StringColumn(name, Enumerate(pieces, lengths).ToArray());
    }

    public static bool AllEqual(IReadOnlyList<Column?> columns) =>
        columns.All(c => c is not null) && columns.Skip(1).All(c => c!.PandasDtype == columns[0]!.PandasDtype &&
            Enumerable.Range(0, c.Length).All(i => c.GetString(i) == columns[0]!.GetString(i)));

    public static Column Renamed(Column c, string name) => c switch
    {
        NumericColumn n => new NumericColumn(name, n.Values, n.PandasDtype),
        BoolColumn b => new BoolColumn(name, b.Values),
        StringColumn s => new StringColumn(name, s.Values),
        CategoricalColumn k => new CategoricalColumn(name, k.Codes, k.Categories, k.Ordered),
        NullableColumn m => new NullableColumn(name, m.Values, m.Mask, m.IsBoolean),
        _ => throw new ArgumentException($"unsupported column {c.GetType().Name}"),
    };

    private static IEnumerable<string?> Enumerate(IReadOnlyList<Column?> pieces, IReadOnlyList<int> lengths)
    {
        for (var i = 0; i < pieces.Count; i++)
            for (var r = 0; r < lengths[i]; r++)
                yield return pieces[i]?.GetString(r);
    }
}
