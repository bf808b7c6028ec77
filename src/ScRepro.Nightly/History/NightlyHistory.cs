using System.Globalization;
using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Nightly.Golden;
using ScRepro.Tables;

namespace ScRepro.Nightly.History;

/// <summary>
/// The tracked history of nightly values, reports/nightly/history.csv: <c>date,commit,experiment,model,metric,value</c>,
/// one line per headline metric × model × night, sorted, values round-trip (empty: NaN/null). A night run twice
/// replaces its lines; only the last <c>keep</c> nights are kept. Cheap to diff and to plot (the trend figures).
/// The same rows go to history.parquet beside it (typed columns, null for a missing value) for tools that read tables.
/// </summary>
public static class NightlyHistory
{
    public const string Header = "date,commit,experiment,model,metric,value";

    /// <summary>The rows of <paramref name="path"/> (none when it does not exist); a malformed line is one error naming it.</summary>
    public static List<HistoryRow> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header) throw new ScReproException($"{path}:1: expected the header '{Header}'");
        var rows = new List<HistoryRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 6) throw new ScReproException($"{path}:{i + 1}: expected 6 comma-separated fields, got {f.Length}");
            double? value = f[5].Length == 0 ? null
                : double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new ScReproException($"{path}:{i + 1}: value '{f[5]}' is not a number");
            rows.Add(new HistoryRow(f[0], f[1], f[2], f[3], f[4], value));
        }
        return rows;
    }

    /// <summary>The headline rows of tonight's results: the seed-mean of each headline metric's per-seed mean.</summary>
    public static IEnumerable<HistoryRow> Rows(string date, string commit, string experiment, IReadOnlyList<string> headline, IEnumerable<ModelResult> results)
    {
        foreach (var r in results)
        {
            foreach (var metric in headline)
            {
                var values = r.Seeds.Values.Select(s => s.Metrics.TryGetValue(metric, out var m) ? m.Mean : null).ToList();
                double? mean = values.Count > 0 && values.All(v => v is { } x && double.IsFinite(x)) ? values.Average() : null;
                yield return new HistoryRow(date, commit, experiment, r.Model, metric, mean);
            }
        }
    }

    /// <summary>Adds tonight's rows (replacing the same date's), keeps the last <paramref name="keep"/> dates, writes atomically.</summary>
    public static IReadOnlyList<HistoryRow> Append(string path, IEnumerable<HistoryRow> tonight, int keep)
    {
        var added = tonight.ToList();
        var dates = added.Select(r => r.Date).ToHashSet(StringComparer.Ordinal);
        var rows = Read(path).Where(r => !dates.Contains(r.Date)).Concat(added).ToList();
        var kept = rows.Select(r => r.Date).Distinct().Order(StringComparer.Ordinal).TakeLast(keep).ToHashSet(StringComparer.Ordinal);
        rows = rows.Where(r => kept.Contains(r.Date))
            .OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.Experiment, StringComparer.Ordinal)
            .ThenBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal).ToList();
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            foreach (var field in new[] { r.Date, r.Commit, r.Experiment, r.Model, r.Metric })
                if (field.Contains(',') || field.Contains('\n')) throw new ScReproException($"{path}: '{field}' cannot be written to the history (comma or newline)");
            text.Append(CultureInfo.InvariantCulture, $"{r.Date},{r.Commit},{r.Experiment},{r.Model},{r.Metric},{(r.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "")}\n");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, text.ToString());
        ParquetTable.Write(ParquetPath(path), new Table(
        [
            TableColumn.Text("date", rows.Select(r => (string?)r.Date).ToArray()),
            TableColumn.Text("commit", rows.Select(r => (string?)r.Commit).ToArray()),
            TableColumn.Text("experiment", rows.Select(r => (string?)r.Experiment).ToArray()),
            TableColumn.Text("model", rows.Select(r => (string?)r.Model).ToArray()),
            TableColumn.Text("metric", rows.Select(r => (string?)r.Metric).ToArray()),
            TableColumn.Float64("value", rows.Select(r => r.Value).ToArray()),
        ]));
        return rows;
    }

    /// <summary>history.parquet beside history.csv.</summary>
    public static string ParquetPath(string csvPath) => Path.ChangeExtension(csvPath, ".parquet");
}
