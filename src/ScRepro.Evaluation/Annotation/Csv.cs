using System.Text;

namespace ScRepro.Evaluation.Annotation;

/// <summary>RFC 4180 CSV: quote fields holding a comma, quote or newline; read them back the same way.</summary>
public static class Csv
{
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Field));

    /// <summary>Splits a whole CSV text into records (handles quoted newlines).</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add(fields.ToArray()); }
                    fields.Clear(); field.Clear(); any = false;
                    break;
                default: field.Append(ch); any = true; break;
            }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add(fields.ToArray()); }
        return records;
    }
}
