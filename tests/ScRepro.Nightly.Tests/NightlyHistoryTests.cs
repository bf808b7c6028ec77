using ScRepro.Foundation.Errors;
using ScRepro.Nightly.History;
using ScRepro.Tables;
using ScRepro.Testing;

namespace ScRepro.Nightly.Tests;

public sealed class NightlyHistoryTests
{
    [Fact]
    public void Should_append_replace_the_same_night_and_keep_the_last_nights()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("history.csv");
        HistoryRow R(string date, double? v) => new(date, "abc1234", "demo", "additive", "mse", v);
        NightlyHistory.Append(path, [R("2026-12-01", 0.25)], keep: 2);
        NightlyHistory.Append(path, [R("2026-12-02", 0.26)], keep: 2);
        NightlyHistory.Append(path, [R("2026-12-02", 0.27)], keep: 2);   // the same night again: replaced
        Assert.Equal(["2026-12-01:0.25", "2026-12-02:0.27"], NightlyHistory.Read(path).Select(r => $"{r.Date}:{r.Value}"));
        NightlyHistory.Append(path, [R("2026-12-03", null)], keep: 2);
        Assert.Equal(["2026-12-02", "2026-12-03"], NightlyHistory.Read(path).Select(r => r.Date));
        Assert.Equal("date,commit,experiment,model,metric,value\n2026-12-02,abc1234,demo,additive,mse,0.27\n2026-12-03,abc1234,demo,additive,mse,\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Should_write_the_same_rows_to_history_parquet_with_null_for_a_missing_value()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("history.csv");
        HistoryRow R(string date, string metric, double? v) => new(date, "abc1234", "demo", "additive", metric, v);
        NightlyHistory.Append(path, [R("2026-12-01", "mse", 0.25), R("2026-12-01", "pearson_delta", null)], keep: 5);
        NightlyHistory.Append(path, [R("2026-12-02", "mse", 1.0 / 3)], keep: 5);
        var table = ParquetTable.Read(NightlyHistory.ParquetPath(path));
        var csv = NightlyHistory.Read(path);
        Assert.Equal(csv.Select(r => r.Date), table["date"].TextValues);
        Assert.Equal(csv.Select(r => r.Metric), table["metric"].TextValues);
        // The values are the CSV's exactly (round-trip doubles), and the missing one is null in both.
        Assert.Equal(csv.Select(r => r.Value), table["value"].Float64Values);
        Assert.Null((table["value"].Float64Values)[1]);
    }

    [Fact]
    public void Should_refuse_a_malformed_history_naming_the_line()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("history.csv"), "date,commit,experiment,model,metric,value\n2026-12-01,abc,demo,additive,mse,x\n");
        Assert.Contains("history.csv:2: value 'x' is not a number", Assert.Throws<ScReproException>(() => NightlyHistory.Read(dir.File("history.csv"))).Message);
        File.WriteAllText(dir.File("history.csv"), "wrong\n");
        Assert.Contains("history.csv:1: expected the header", Assert.Throws<ScReproException>(() => NightlyHistory.Read(dir.File("history.csv"))).Message);
    }

    [Fact]
    public void Should_take_the_seed_mean_of_each_headline_metric()
    {
        var rows = NightlyHistory.Rows("2026-12-02", "abc1234", "demo", ["mse"], [Results.Make(seeds: [0, 1, 2])]).ToList();
        // Results.Make: mse mean 0.25 + seed × 1e-3 → (0.25 + 0.251 + 0.252) / 3 = 0.251.
        Assert.Equal(0.251, rows.Single().Value!.Value, 12);
    }
}
