using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Simulation;

/// <summary>Typed access to a generator's free-form parameter map, with defaults and one clear error per bad value.</summary>
public sealed class DemoParameters(IReadOnlyDictionary<string, object?> values, string where, string prefix)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public int Int(string key, int fallback)
    {
        _read.Add(key);
        if (!values.TryGetValue(key, out var v) || v is null) return fallback;
        return v is long l && l is >= 0 and <= int.MaxValue ? (int)l
            : throw new ScReproException($"{where}: key 'generator.parameters.{prefix}.{key}': expected a non-negative integer, got '{v}'");
    }

    public double Double(string key, double fallback)
    {
        _read.Add(key);
        if (!values.TryGetValue(key, out var v) || v is null) return fallback;
        return v switch
        {
            long l => l,
            double d => d,
            _ => throw new ScReproException($"{where}: key 'generator.parameters.{prefix}.{key}': expected a number, got '{v}'"),
        };
    }

    /// <summary>Rejects parameters the generator does not know (a typo would otherwise be silently ignored).</summary>
    public void Finish()
    {
        var unknown = values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ScReproException($"{where}: key 'generator.parameters.{prefix}.{unknown[0]}': unknown parameter (known: {string.Join(", ", _read.Order(StringComparer.Ordinal))})");
    }

    public static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
