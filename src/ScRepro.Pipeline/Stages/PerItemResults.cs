using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// cell-eval's results.csv (one row per test perturbation, one column per metric) read back as metric → values, for
/// the comparison page's median and IQR. Empty and "NaN" cells are NaN (cell-eval writes NaN for an undefined value).
/// </summary>
public static class PerItemResults
{
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> Read(string path, IReadOnlyList<string> metrics)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new ScReproException($"{path}: empty results table");
        var header = Split(lines[0]);
        var result = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var col = Array.IndexOf(header, metric);
            if (col < 0) continue; // a metric cell-eval does not report per perturbation (none today)
            result[metric] = lines.Skip(1).Where(l => l.Length > 0).Select((l, i) =>
            {
                var fields = Split(l);
                if (fields.Length != header.Length) throw new ScReproException($"{path}:{i + 2}: {fields.Length} fields, header has {header.Length}");
                return fields[col] is "" or "NaN" ? double.NaN
                    : double.TryParse(fields[col], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                    : throw new ScReproException($"{path}:{i + 2}: column '{metric}': '{fields[col]}' is not a number");
            }).ToList();
        }
        return result;
    }

    /// <summary>One CSV record (RFC 4180 quoting; results tables have no line breaks inside fields).</summary>
    internal static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
