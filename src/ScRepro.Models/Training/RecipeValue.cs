using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Training;

/// <summary>Typed reads of one `hyperparameters` value; each failure names the manifest and the key.</summary>
internal static class RecipeValue
{
    public static int Positive(object? value, string key, string source) => value is long n and > 0 and <= int.MaxValue
        ? (int)n
        : throw Fail(source, key, "a positive integer", value);

    public static double InRange(object? value, string key, string source, double low, double high)
    {
        var number = value switch { long n => (double)n, double d => d, _ => double.NaN };
        return number >= low && number <= high
            ? number
            : throw Fail(source, key, $"a number in [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}]", value);
    }

    public static bool Flag(object? value, string key, string source) =>
        value is bool b ? b : throw Fail(source, key, "true or false", value);

    public static string Choice(object? value, string key, string source, params string[] allowed) =>
        value is string s && allowed.Contains(s, StringComparer.Ordinal) ? s : throw Fail(source, key, $"one of {string.Join(", ", allowed)}", value);

    public static string? TextOrNull(object? value, string key, string source) => value switch
    {
        null => null,
        string s => s,
        _ => throw Fail(source, key, "a string or null", value),
    };

    private static ScReproException Fail(string source, string key, string expected, object? got) =>
        new($"{source}: key 'hyperparameters.{key}': expected {expected}, got '{got ?? "null"}'");
}
