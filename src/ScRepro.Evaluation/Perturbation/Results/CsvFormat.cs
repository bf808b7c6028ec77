using System.Globalization;
using System.Text;

namespace ScRepro.Evaluation.Perturbation.Results;

/// <summary>Invariant, round-trip ("R") number formatting and RFC 4180 quoting, so equal inputs give byte-identical CSVs.</summary>
public static class CsvFormat
{
    /// <summary>Shortest round-trip text; NaN as "NaN", ±inf as "inf"/"-inf" (polars' spelling); null as an empty field.</summary>
    public static string Number(double? value) => value switch
    {
        null => "",
        { } v when double.IsNaN(v) => "NaN",
        { } v when double.IsPositiveInfinity(v) => "inf",
        { } v when double.IsNegativeInfinity(v) => "-inf",
        { } v => v.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>A text field, quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    public static void Line(StringBuilder sb, IEnumerable<string> fields) => sb.Append(string.Join(',', fields)).Append('\n');
}
