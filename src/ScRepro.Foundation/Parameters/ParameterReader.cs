using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Foundation.Parameters;

/// <summary>
/// The one strict reader of a manifest's free-form maps (model hyperparameters, generator parameters), as the YAML
/// loader types them: long for an integer scalar, double for a float, bool, string, null, lists. Every trainer reads
/// through it, so one rule holds everywhere: an int is an integer YAML scalar (`2`, never `2.0` or `"2"`), a number is
/// an integer or a float, and each error names the manifest file, the section and the key. <see cref="Finish"/>
/// refuses keys nobody read, listing the known ones.
/// </summary>
public sealed class ParameterReader
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <param name="values">The parsed map.</param>
    /// <param name="file">The manifest it came from (named in every error).</param>
    /// <param name="section">Its place in the manifest, e.g. "hyperparameters" or "generator.parameters.perturbation".</param>
    public ParameterReader(IReadOnlyDictionary<string, object?> values, string file, string section)
    {
        _values = values;
        File = file;
        Section = section;
    }

    public string File { get; }
    public string Section { get; }

    /// <summary>Whether the map sets <paramref name="key"/> (to anything, null included).</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return _values.ContainsKey(key);
    }

    /// <summary>Marks keys as accepted without reading them (fixed settings a manifest may restate).</summary>
    public void Accept(params string[] keys)
    {
        foreach (var k in keys) _known.Add(k);
    }

    /// <summary>An integer YAML scalar in [min, max]; absent or null gives <paramref name="fallback"/>.</summary>
    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        OptionalInt(key, min, max) ?? fallback;

    public int? OptionalInt(string key, int min = int.MinValue, int max = int.MaxValue) =>
        OptionalLong(key, min, max) is { } l ? (int)l : null;

    public long? OptionalLong(string key, long min = long.MinValue, long max = long.MaxValue)
    {
        var v = Get(key);
        return v switch
        {
            null => null,
            long l when l >= min && l <= max => l,
            _ => throw Error(key, $"must be {IntRange(min, max)}", v),
        };
    }

    /// <summary>An integer or float YAML scalar in [min, max] (NaN refused); absent or null gives <paramref name="fallback"/>.</summary>
    public double Double(string key, double fallback, double min = double.MinValue, double max = double.MaxValue) =>
        OptionalDouble(key, min, max) ?? fallback;

    public double? OptionalDouble(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        var v = Get(key);
        double? d = v switch { long l => l, double x => x, _ => null };
        if (v is null) return null;
        if (d is null || double.IsNaN(d.Value) || d < min || d > max)
            throw Error(key, $"must be {NumberRange(min, max)}", v);
        return d;
    }

    public bool Bool(string key, bool fallback)
    {
        var v = Get(key);
        return v switch
        {
            null => fallback,
            bool b => b,
            _ => throw Error(key, "must be true or false", v),
        };
    }

    /// <summary>A string; null (or absent) gives <paramref name="fallback"/>.</summary>
    public string? String(string key, string? fallback = null)
    {
        var v = Get(key);
        return v switch
        {
            null => fallback,
            string s => s,
            _ => throw Error(key, "must be a string or null", v),
        };
    }

    /// <summary>One of <paramref name="allowed"/>; absent or null gives <paramref name="fallback"/>.</summary>
    public string OneOf(string key, string fallback, params string[] allowed)
    {
        var v = Get(key);
        if (v is null) return fallback;
        return v is string s && allowed.Contains(s) ? s : throw Error(key, $"must be one of {string.Join(", ", allowed)}", v);
    }

    /// <summary>A list of numbers (each an integer or float scalar).</summary>
    public IReadOnlyList<double> DoubleList(string key, IReadOnlyList<double> fallback)
    {
        var v = Get(key);
        if (v is null) return fallback;
        if (v is not IEnumerable<object?> items || v is string) throw Error(key, "must be a list of numbers", v);
        return items.Select(x => x switch
        {
            long l => l,
            double d when !double.IsNaN(d) => d,
            _ => throw Error(key, "must be a list of numbers", x),
        }).ToArray();
    }

    /// <summary>Refuses every key that no read asked for, naming it and listing the known ones.</summary>
    public void Finish()
    {
        var unknown = _values.Keys.Where(k => !_known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new ScReproException($"{File}: {Section}: unknown key '{unknown[0]}' (known: {(_known.Count == 0 ? "none" : string.Join(", ", _known.Order(StringComparer.Ordinal)))})");
    }

    /// <summary>
    /// An integer the manifest loader already read (e.g. a budget's epochs, a long) narrowed to an int in [min, max],
    /// or one error naming the file and key: the budget's counterpart of <see cref="Int"/>.
    /// </summary>
    public static int? Narrow(long? value, string file, string key, int min = int.MinValue, int max = int.MaxValue) =>
        value is null ? null
        : value >= min && value <= max ? (int)value.Value
        : throw new ScReproException($"{file}: key '{key}' must be {IntRange(min, max)}, got {Describe(value)}");

    /// <summary>An error about <paramref name="key"/> in this map's words (for checks across keys).</summary>
    public ScReproException Error(string key, string problem, object? value) =>
        new($"{File}: {Section}: key '{key}' {problem}, got {Describe(value)}");

    private object? Get(string key)
    {
        _known.Add(key);
        return _values.TryGetValue(key, out var v) ? v : null;
    }

    /// <summary>A value as the manifest wrote it; a float that happens to be whole keeps its ".0" (so `2.0` reads as such).</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{s}'",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 1e15 => d.ToString("F1", CultureInfo.InvariantCulture) + " (a float; an integer is written without a decimal point)",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<object?> => "a list",
        IReadOnlyDictionary<string, object?> => "a mapping",
        _ => $"'{value}'",
    };

    private static string IntRange(long min, long max) => (min, max) switch
    {
        (1, long.MaxValue or int.MaxValue) => "a positive integer",
        (0, long.MaxValue or int.MaxValue) => "a non-negative integer",
        (long.MinValue or int.MinValue, long.MaxValue or int.MaxValue) => "an integer",
        _ => $"an integer in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]",
    };

    private static string NumberRange(double min, double max) =>
        min == double.MinValue && max == double.MaxValue ? "a number"
        : $"a number in [{min.ToString("R", CultureInfo.InvariantCulture)}, {max.ToString("R", CultureInfo.InvariantCulture)}]";
}
