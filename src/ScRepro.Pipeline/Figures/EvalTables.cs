using System.Globalization;
using ScRepro.Cards.Figures;
using ScRepro.Evaluation.Annotation;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline.Figures;

/// <summary>
/// The Evaluate stage's tables read back for the figures: confusion_matrix.csv (annotation) and cell-eval's
/// real_de.csv / pred_de.csv (perturbation); per_class.csv is read by <see cref="Stages.PerClassResults"/>, once for
/// the page's table and its figures. A missing column or a cell that is not a number is an error
/// naming the file, the line and the column; "NaN" and empty cells are NaN and "inf"/"-inf" infinite, as cell-eval
/// writes them (CsvFormat.Number).
/// </summary>
public static class EvalTables
{
    /// <summary>confusion_matrix.csv: run,true,pred,count (non-zero cells only).</summary>
    public static IReadOnlyList<(string True, string Pred, long Count)> Confusion(string path)
    {
        var (rows, col) = Read(path, "true", "pred", "count");
        return rows.Select(r => (r.Text(col[0]), r.Text(col[1]), r.Count(col[2]))).ToList();
    }

    /// <summary>A DE table (target, feature, target_mean, ref_mean, …, log2_fold_change, …, fdr), rows grouped by target.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DeEntry>> De(string path)
    {
        var (rows, col) = Read(path, "target", "feature", "target_mean", "ref_mean", "log2_fold_change", "fdr");
        var byTarget = new SortedDictionary<string, List<DeEntry>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var target = r.Text(col[0]);
            if (!byTarget.TryGetValue(target, out var list)) byTarget[target] = list = [];
            list.Add(new DeEntry(r.Text(col[1]), r.Number(col[2]), r.Number(col[3]), r.Number(col[4]), r.Number(col[5])));
        }
        return byTarget.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<DeEntry>)kv.Value, StringComparer.Ordinal);
    }

    private static (List<Row> Rows, int[] Columns) Read(string path, params string[] columns)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: missing (the Evaluate stage writes it)");
        var records = Csv.Parse(File.ReadAllText(path));
        if (records.Count == 0) throw new ScReproException($"{path}: empty table (no header)");
        var header = records[0];
        var index = columns.Select(c => Array.IndexOf(header, c) is var i and >= 0 ? i
            : throw new ScReproException($"{path}: no column '{c}' in the header ({string.Join(",", header)})")).ToArray();
        var rows = records.Skip(1).Select((fields, i) => fields.Length == header.Length ? new Row(path, i + 2, fields, header)
            : throw new ScReproException($"{path}:{i + 2}: {fields.Length} fields, the header has {header.Length}")).ToList();
        return (rows, index);
    }

    private sealed record Row(string Path, int Line, string[] Fields, string[] Header)
    {
        public string Text(int col) => Fields[col];

        public double Number(int col) => Fields[col] switch
        {
            "" or "NaN" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => double.TryParse(Fields[col], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new ScReproException($"{Path}:{Line}: column '{Header[col]}': '{Fields[col]}' is not a number"),
        };

        public long Count(int col) => long.TryParse(Fields[col], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw new ScReproException($"{Path}:{Line}: column '{Header[col]}': '{Fields[col]}' is not a count");
    }
}
