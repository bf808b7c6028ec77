using ScRepro.Foundation.Errors;

namespace ScRepro.Tables;

/// <summary>
/// A rectangular table of named, typed columns: what ScRepro writes as Parquet beside its CSVs (DE results,
/// per-cell predictions) and what a nightly history can append rows of. Column names are unique and every column has
/// <see cref="RowCount"/> values.
/// </summary>
public sealed class Table
{
    public Table(IReadOnlyList<TableColumn> columns)
    {
        if (columns.Count == 0) throw new ScReproException("a table needs at least one column");
        if (columns.Any(c => string.IsNullOrWhiteSpace(c.Name))) throw new ScReproException("a table column needs a name");
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ScReproException($"table column '{duplicate.Key}' appears {duplicate.Count()} times");
        var ragged = columns.FirstOrDefault(c => c.Length != columns[0].Length);
        if (ragged is not null)
            throw new ScReproException($"table column '{ragged.Name}' has {ragged.Length} values, '{columns[0].Name}' {columns[0].Length}");
        Columns = columns;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public int RowCount => Columns[0].Length;

    /// <summary>The column named <paramref name="name"/>; throws naming the columns there are.</summary>
    public TableColumn this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ScReproException($"table has no column '{name}' (have: {string.Join(", ", Columns.Select(c => c.Name))})");
}
