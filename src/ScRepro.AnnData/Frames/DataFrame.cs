namespace ScRepro.AnnData.Frames;

/// <summary>obs or var: a string index plus ordered, typed columns.</summary>
public sealed class DataFrame
{
    private readonly List<Column> _columns = new();

    public DataFrame(string[] index, string indexName = "_index")
    {
        Index = index;
        IndexName = indexName;
    }

    public string[] Index { get; }

    /// <summary>Name of the index column as stored (anndata writes "_index" unless the index was named).</summary>
    public string IndexName { get; set; }
    public int Count => Index.Length;
    public IReadOnlyList<Column> Columns => _columns;

    public bool Contains(string name) => _columns.Any(c => c.Name == name);

    public Column this[string name] =>
        _columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"no column '{name}' (have: {string.Join(", ", _columns.Select(c => c.Name))})");

    public void Add(Column column)
    {
        if (column.Length != Index.Length)
            throw new ArgumentException($"column '{column.Name}' has {column.Length} values, index has {Index.Length}");
        // Replacing keeps the column's position, as pandas' df[name] = … does.
        var at = _columns.FindIndex(c => c.Name == column.Name);
        if (at >= 0) _columns[at] = column;
        else _columns.Add(column);
    }

    /// <summary>Row subset, keeping column types (categoricals keep all categories, as pandas does).</summary>
    public DataFrame Subset(IReadOnlyList<int> rows)
    {
        var df = new DataFrame(rows.Select(r => Index[r]).ToArray(), IndexName);
        foreach (var c in _columns) df.Add(ColumnSubset.Take(c, rows));
        return df;
    }
}
