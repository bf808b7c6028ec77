using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;

namespace ScRepro.Evaluation.Annotation;

/// <summary>One cell's true and predicted label.</summary>
public sealed record LabelledPrediction(string ObsName, string True, string Predicted);

/// <summary>predictions.csv as `screpro fit logreg` writes it: obs_name,true,pred (header first).</summary>
public static class PredictionsCsv
{
    public static void Write(string path, IEnumerable<LabelledPrediction> rows)
    {
        var sb = new StringBuilder("obs_name,true,pred\n");
        foreach (var r in rows) sb.Append(Csv.Line([r.ObsName, r.True, r.Predicted])).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Reads true/pred columns by name (<paramref name="trueColumn"/>, <paramref name="predColumn"/>).</summary>
    public static IReadOnlyList<LabelledPrediction> Read(string path, string trueColumn = "true", string predColumn = "pred",
        string obsColumn = "obs_name")
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: file not found");
        var records = Csv.Parse(File.ReadAllText(path));
        if (records.Count == 0) throw new ScReproException($"{path}: empty file (expected a header with '{trueColumn}' and '{predColumn}')");
        var header = records[0];
        int Col(string name, bool required)
        {
            var i = Array.IndexOf(header, name);
            if (i < 0 && required)
                throw new ScReproException($"{path}: no column '{name}' in the header ({string.Join(", ", header)})");
            return i;
        }
        var t = Col(trueColumn, true);
        var p = Col(predColumn, true);
        var o = Col(obsColumn, false);
        var rows = new List<LabelledPrediction>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var rec = records[r];
            if (rec.Length != header.Length)
                throw new ScReproException($"{path}: record {r + 1} has {rec.Length} fields, the header {header.Length}");
            rows.Add(new LabelledPrediction(o >= 0 ? rec[o] : r.ToString(System.Globalization.CultureInfo.InvariantCulture), rec[t], rec[p]));
        }
        if (rows.Count == 0) throw new ScReproException($"{path}: no predictions after the header");
        return rows;
    }
}
