using System.Globalization;

namespace ScRepro.Cards;

/// <summary>
/// Number formatting the templates call as `fmt.&lt;name&gt;` (Scriban's snake_case of these names): 4 decimals like the
/// seed card; NaN and null say so in words. Invariant culture, so a card reads the same on every machine.
/// </summary>
public static class CardFormat
{
    /// <summary>A metric value: "0.5067", "NaN", or "null (all values NaN)" when no test item had one.</summary>
    public static string Number(object? value) => AsDouble(value) switch
    {
        null => "null (all values NaN)",
        { } v when double.IsNaN(v) => "NaN",
        { } v => v.ToString("F4", CultureInfo.InvariantCulture),
    };

    /// <summary>A value a paper reports, with as many decimals as it has (up to 4): 0.8115, 0.459.</summary>
    public static string Reported(object? value) =>
        AsDouble(value) is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static double? AsDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => throw new ArgumentException($"not a number: {value}"),
    };
}
