using System.Globalization;
using System.Text.Json;

namespace ScRepro.Cards;

/// <summary>Number and value formatting for cards: 4 decimals like the seed card; NaN/null say so in words.</summary>
public static class Format
{
    public static string Number(double? value) => value switch
    {
        null => "null (all values NaN)",
        { } v when double.IsNaN(v) => "NaN",
        { } v => v.ToString("F4", CultureInfo.InvariantCulture),
    };

    public static string Value(object? value) => value switch
    {
        null => "none",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        JsonElement e => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.Null => "none",
            _ => e.GetRawText(),
        },
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Value)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "none",
    };

    /// <summary>Seconds as the seed card writes wall clock ("2.0 hours", "12.3 s").</summary>
    public static string Duration(double seconds) =>
        seconds >= 3600 ? $"{(seconds / 3600).ToString("F1", CultureInfo.InvariantCulture)} hours"
        : seconds >= 60 ? $"{(seconds / 60).ToString("F1", CultureInfo.InvariantCulture)} min"
        : $"{seconds.ToString("F2", CultureInfo.InvariantCulture)} s";
}
