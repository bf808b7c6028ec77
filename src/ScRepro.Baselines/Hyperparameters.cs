using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines;

/// <summary>Reads scalars and lists out of a manifest's free-form hyperparameter map (YAML gives strings or numbers).</summary>
internal static class Hyperparameters
{
    public static double AsDouble(string key, object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new ScReproException($"hyperparameter '{key}' must be a number, got '{value}'"),
    };

    public static bool AsBool(string key, object? value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => throw new ScReproException($"hyperparameter '{key}' must be true or false, got '{value}'"),
    };

    public static IReadOnlyList<double> AsDoubleList(string key, object? value) => value switch
    {
        IEnumerable<object?> items when value is not string => items.Select(v => AsDouble(key, v)).ToArray(),
        System.Collections.IEnumerable items when value is not string => items.Cast<object?>().Select(v => AsDouble(key, v)).ToArray(),
        _ => throw new ScReproException($"hyperparameter '{key}' must be a list of numbers, got '{value}'"),
    };
}
