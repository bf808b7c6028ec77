using System.Globalization;
using ScRepro.Evaluation.Annotation;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Reads an annotation evaluation's per_class.csv (run,label,precision,recall,f1,support, as AnnotationReportWriter
/// writes it) back into sklearn's per-class rows, for the comparison page's per-class table.
/// </summary>
public static class PerClassResults
{
    private static readonly string[] Header = ["run", "label", "precision", "recall", "f1", "support"];

    public static IReadOnlyList<ClassMetrics> Read(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: missing (the Evaluate stage writes it for annotation experiments)");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !PerItemResults.Split(lines[0]).SequenceEqual(Header))
            throw new ScReproException($"{path}: header is not '{string.Join(",", Header)}'");
        return lines.Skip(1).Where(l => l.Length > 0).Select((l, i) =>
        {
            var f = PerItemResults.Split(l);
            if (f.Length != Header.Length) throw new ScReproException($"{path}:{i + 2}: {f.Length} fields, header has {Header.Length}");
            double Number(int col) => double.TryParse(f[col], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new ScReproException($"{path}:{i + 2}: column '{Header[col]}': '{f[col]}' is not a number");
            var support = int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : throw new ScReproException($"{path}:{i + 2}: column 'support': '{f[5]}' is not a count");
            return new ClassMetrics(f[1], Number(2), Number(3), Number(4), support);
        }).ToList();
    }
}
