namespace ScRepro.Tables;

/// <summary>One named column: <c>string?[]</c>, <c>double?[]</c> or <c>long?[]</c> as its <see cref="Kind"/> says.</summary>
public sealed class TableColumn
{
    private TableColumn(string name, ColumnKind kind, Array values)
    {
        Name = name;
        Kind = kind;
        Values = values;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>The values, one per row.</summary>
    public Array Values { get; }

    public int Length => Values.Length;

    public static TableColumn Text(string name, string?[] values) => new(name, ColumnKind.Text, values);

    public static TableColumn Float64(string name, double?[] values) => new(name, ColumnKind.Float64, values);

    public static TableColumn Int64(string name, long?[] values) => new(name, ColumnKind.Int64, values);

    /// <summary>A column of doubles with no nulls (the common case: metric values, where NaN says "undefined").</summary>
    public static TableColumn Float64(string name, IEnumerable<double> values) =>
        Float64(name, values.Select(v => (double?)v).ToArray());

    public string?[] TextValues => Values as string?[] ?? throw WrongKind(ColumnKind.Text);

    public double?[] Float64Values => Values as double?[] ?? throw WrongKind(ColumnKind.Float64);

    public long?[] Int64Values => Values as long?[] ?? throw WrongKind(ColumnKind.Int64);

    private InvalidOperationException WrongKind(ColumnKind asked) =>
        new($"column '{Name}' holds {Kind}, not {asked}");
}
