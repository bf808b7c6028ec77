using ScRepro.Foundation.Errors;
using ScRepro.Tables;
using ScRepro.Testing;

namespace ScRepro.Tables.Tests;

/// <summary>
/// ParquetTable against itself (round trip, bit-exact) and against DuckDB, an independent Parquet implementation:
/// tests/fixtures/tables/duckdb_written.parquet is DuckDB's file of <see cref="Canonical"/>, and
/// screpro_written.parquet (our writer's bytes for the same table, checked here) is what
/// tests/fixtures/tables/scripts/duckdb_parquet.mjs reads back with DuckDB ("ok: 6 rows, every value as expected").
/// </summary>
public sealed class ParquetTableTests
{
    /// <summary>The table duckdb_parquet.mjs writes and checks: nulls, NaN, ±inf, -0.0, extreme doubles and int64s.</summary>
    internal static Table Canonical() => new([
        TableColumn.Text("name", ["plain", "", null, "naïve 🧬 日本", "comma,\"quote\"\nnewline", "last"]),
        TableColumn.Float64("value", [1.5, double.NaN, null, double.PositiveInfinity, double.NegativeInfinity, -0.0]),
        TableColumn.Float64("extreme", [double.Epsilon, double.MaxValue, -2.2250738585072014e-308, null, 0.1, 1.0 / 3]),
        TableColumn.Int64("count", [0, null, long.MinValue, long.MaxValue, 42, -1]),
    ]);

    [Fact]
    public void Should_round_trip_nulls_nan_infinities_and_negative_zero_bit_exactly()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("t.parquet");
        ParquetTable.Write(path, Canonical());

        AssertSame(Canonical(), ParquetTable.Read(path));
    }

    [Fact]
    public void Should_read_the_file_duckdb_wrote()
    {
        // Written by `node duckdb_parquet.mjs write` (DuckDB 1.5.6): REQUIRED/OPTIONAL choices, encodings and
        // page layout are DuckDB's own, the values Canonical()'s.
        var table = ParquetTable.Read(TestPaths.Fixture("tables", "duckdb_written.parquet"));
        // DuckDB writes NaN as 0x7FF8… where .NET's double.NaN is 0xFFF8…: both are the quiet NaN, sign unused.
        AssertSame(Canonical(), table, nanPayload: false);
    }

    [Fact]
    public void Should_write_the_bytes_duckdb_read_back()
    {
        // screpro_written.parquet is the file duckdb_parquet.mjs checks; our writer must still produce exactly it
        // (deterministic: no clock or random id in the file), so DuckDB's verdict holds for today's writer.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("screpro_written.parquet");
        ParquetTable.Write(path, Canonical());
        var fixture = TestPaths.Fixture("tables", "screpro_written.parquet");
        // SCREPRO_WRITE_FIXTURES=1 regenerates it (then rerun duckdb_parquet.mjs check on it before committing).
        if (Environment.GetEnvironmentVariable("SCREPRO_WRITE_FIXTURES") == "1") File.Copy(path, fixture, overwrite: true);
        Assert.Equal(File.ReadAllBytes(fixture), File.ReadAllBytes(path));
    }

    [Fact]
    public void Should_keep_footer_metadata()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("m.parquet");
        ParquetTable.Write(path, Canonical(), new Dictionary<string, string> { ["screpro.source"] = "real_de.csv" });
        Assert.Equal("real_de.csv", ParquetTable.ReadMetadata(path)["screpro.source"]);
    }

    [Fact]
    public void Should_refuse_a_truncated_file_naming_it()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("cut.parquet");
        ParquetTable.Write(path, Canonical());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<ScReproException>(() => ParquetTable.Read(path));
        Assert.StartsWith($"{path}: not a readable Parquet file", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Should_refuse_ragged_and_duplicate_columns()
    {
        var ragged = Assert.Throws<ScReproException>(() => new Table([TableColumn.Int64("a", [1, 2]), TableColumn.Int64("b", [1])]));
        Assert.Equal("table column 'b' has 1 values, 'a' 2", ragged.Message);
        var twice = Assert.Throws<ScReproException>(() => new Table([TableColumn.Int64("a", [1]), TableColumn.Int64("a", [2])]));
        Assert.Equal("table column 'a' appears 2 times", twice.Message);
        var unnamed = Assert.Throws<ScReproException>(() => new Table([TableColumn.Int64(" ", [1])]));
        Assert.Equal("a table column needs a name", unnamed.Message);
    }

    private static void AssertSame(Table expected, Table actual, bool nanPayload = true)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Kind)), actual.Columns.Select(c => (c.Name, c.Kind)));
        foreach (var column in expected.Columns)
        {
            var got = actual[column.Name];
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    Assert.Equal(column.TextValues, got.TextValues);
                    break;
                case ColumnKind.Int64:
                    Assert.Equal(column.Int64Values, got.Int64Values);
                    break;
                default:
                    // Bits, not ==: NaN must stay NaN, -0.0 must not become 0.0, null must not become NaN.
                    Assert.Equal(column.Float64Values.Select(v => Bits(v, nanPayload)), got.Float64Values.Select(v => Bits(v, nanPayload)));
                    break;
            }
        }
    }

    private static long? Bits(double? v, bool nanPayload) =>
        v is not { } d ? null : double.IsNaN(d) && !nanPayload ? long.MinValue : BitConverter.DoubleToInt64Bits(d);
}
