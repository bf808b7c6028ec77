using Parquet;
using Parquet.Schema;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;

namespace ScRepro.Tables;

/// <summary>
/// Writes and reads a <see cref="Table"/> as one Parquet file (one row group, Snappy, every column OPTIONAL), written
/// under a temporary name and renamed. Key/value metadata (e.g. what made the file) travels in the footer.
/// </summary>
public static class ParquetTable
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Table table, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.Write(path, stream => WriteAsync(stream, table, metadata).GetAwaiter().GetResult());

    /// <summary>Reads every row group of <paramref name="path"/>; a file that is not Parquet (or is cut short) is one error naming it.</summary>
    public static Table Read(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: file not found");
        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ParquetException
                                      or ArgumentException or InvalidOperationException)
        {
            throw new ScReproException($"{path}: not a readable Parquet file: {e.Message}", inner: e);
        }
    }

    /// <summary>The footer's key/value metadata.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path) => ReadMetadataAsync(path).GetAwaiter().GetResult();

    private static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal);
    }

    private static async Task WriteAsync(Stream stream, Table table, IReadOnlyDictionary<string, string>? metadata)
    {
        var fields = table.Columns.Select(Field).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options);
        if (metadata is not null) writer.CustomMetadata = new Dictionary<string, string>(metadata);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            var column = table.Columns[i];
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    await group.WriteAsync(fields[i], column.TextValues);
                    break;
                case ColumnKind.Float64:
                    await group.WriteAsync<double>(fields[i], column.Float64Values.AsMemory());
                    break;
                case ColumnKind.Int64:
                    await group.WriteAsync<long>(fields[i], column.Int64Values.AsMemory());
                    break;
            }
        }
    }

    private static async Task<Table> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var rows = checked((int)Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount));
        var columns = new List<TableColumn>(fields.Length);
        foreach (var field in fields)
        {
            var kind = KindOf(path, field);
            Array values = kind switch
            {
                ColumnKind.Text => new string?[rows],
                ColumnKind.Float64 => new double?[rows],
                _ => new long?[rows],
            };
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                switch (kind)
                {
                    case ColumnKind.Text:
                        await group.ReadAsync(field, ((string?[])values).AsMemory(offset, n)!);
                        break;
                    case ColumnKind.Float64:
                        await ReadNumbers(group, field, (double?[])values, offset, n);
                        break;
                    default:
                        await ReadNumbers(group, field, (long?[])values, offset, n);
                        break;
                }
                offset += n;
            }
            columns.Add(kind switch
            {
                ColumnKind.Text => TableColumn.Text(field.Name, (string?[])values),
                ColumnKind.Float64 => TableColumn.Float64(field.Name, (double?[])values),
                _ => TableColumn.Int64(field.Name, (long?[])values),
            });
        }
        return new Table(columns);
    }

    /// <summary>A REQUIRED column (no definition levels, as other writers make it) reads into non-null slots.</summary>
    private static async Task ReadNumbers<T>(ParquetRowGroupReader group, DataField field, T?[] values, int offset, int n)
        where T : struct
    {
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, values.AsMemory(offset, n));
            return;
        }
        var plain = new T[n];
        await group.ReadAsync<T>(field, plain.AsMemory());
        for (var i = 0; i < n; i++) values[offset + i] = plain[i];
    }

    private static DataField Field(TableColumn column) => column.Kind switch
    {
        ColumnKind.Text => new DataField<string>(column.Name, true),
        ColumnKind.Float64 => new DataField<double?>(column.Name),
        _ => new DataField<long?>(column.Name),
    };

    private static ColumnKind KindOf(string path, DataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (field.IsArray) throw new ScReproException($"{path}: column '{field.Name}' is a list; ScRepro's tables hold scalars only");
        // Parquet.Net 6 types a STRING column as ReadOnlyMemory<char>; it reads into string slots all the same.
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return ColumnKind.Text;
        if (type == typeof(double)) return ColumnKind.Float64;
        if (type == typeof(long)) return ColumnKind.Int64;
        throw new ScReproException($"{path}: column '{field.Name}' has type {type.Name}; ScRepro's tables hold text, double and int64");
    }
}
