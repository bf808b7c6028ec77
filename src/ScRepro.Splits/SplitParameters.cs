using System.Collections;
using System.Globalization;
using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Splits.Annotation;

namespace ScRepro.Splits;

/// <summary>
/// Typed, strict access to a policy's parameter map (from YAML, JSON or the CLI): numbers may arrive as int, long,
/// double, decimal, numeric strings or JsonElements; unknown keys are an error, so a typo cannot silently change a split.
/// Every value read (or defaulted) is recorded in <see cref="Used"/>, which goes into the split file.
/// </summary>
internal sealed class SplitParameters
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly string _policy;

    public SplitParameters(string policy, IReadOnlyDictionary<string, object?> values, params string[] allowed)
    {
        _policy = policy;
        _values = values;
        var unknown = values.Keys.Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ScReproException($"split.parameters: unknown key '{unknown[0]}' for policy '{policy}' (allowed: {string.Join(", ", allowed)})");
    }

    public Dictionary<string, object?> Used { get; } = new(StringComparer.Ordinal);

    private bool TryGet(string key, out object? value)
    {
        if (_values.TryGetValue(key, out value) && value is not null && !(value is JsonElement { ValueKind: JsonValueKind.Null }))
            return true;
        value = null;
        return false;
    }

    private ScReproException Bad(string key, string expected, object? value) =>
        new($"split.parameters.{key}: expected {expected} for policy '{_policy}', got '{value}'");

    public double Double(string key, double? fallback = null)
    {
        double v;
        if (!TryGet(key, out var raw))
            v = fallback ?? throw new ScReproException($"split.parameters.{key} is required for policy '{_policy}'");
        else
            v = ToDouble(raw) ?? throw Bad(key, "a number", raw);
        Used[key] = v;
        return v;
    }

    public int Int(string key, int? fallback = null)
    {
        int v;
        if (!TryGet(key, out var raw))
            v = fallback ?? throw new ScReproException($"split.parameters.{key} is required for policy '{_policy}'");
        else if (ToDouble(raw) is { } d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue && !LooksFractional(raw))
            v = (int)d;
        else throw Bad(key, "an integer", raw);
        Used[key] = v;
        return v;
    }

    public string String(string key, string fallback, params string[] choices)
    {
        var v = TryGet(key, out var raw) ? raw is JsonElement e ? e.ToString() : Convert.ToString(raw, CultureInfo.InvariantCulture)! : fallback;
        if (choices.Length > 0 && !choices.Contains(v)) throw Bad(key, "one of " + string.Join(", ", choices), v);
        Used[key] = v;
        return v;
    }

    public bool Bool(string key, bool fallback)
    {
        var v = fallback;
        if (TryGet(key, out var raw))
        {
            v = raw switch
            {
                bool b => b,
                JsonElement { ValueKind: JsonValueKind.True } => true,
                JsonElement { ValueKind: JsonValueKind.False } => false,
                string s when bool.TryParse(s, out var b) => b,
                _ => throw Bad(key, "true or false", raw),
            };
        }
        Used[key] = v;
        return v;
    }

    public string[] Strings(string key, bool required = false)
    {
        string[] v;
        if (!TryGet(key, out var raw))
        {
            if (required) throw new ScReproException($"split.parameters.{key} is required for policy '{_policy}'");
            v = [];
        }
        else v = raw switch
        {
            string s => [s],
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.ToString()).ToArray(),
            JsonElement e => [e.ToString()],
            IEnumerable list => list.Cast<object?>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "").ToArray(),
            _ => [Convert.ToString(raw, CultureInfo.InvariantCulture)!],
        };
        Used[key] = v;
        return v;
    }

    public double[]? Doubles(string key)
    {
        if (!TryGet(key, out var raw)) return null;
        IEnumerable<object?> items = raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Cast<object?>(),
            IEnumerable list and not string => list.Cast<object?>(),
            _ => throw Bad(key, "a list of numbers", raw),
        };
        var v = items.Select(o => ToDouble(o) ?? throw Bad(key, "a list of numbers", raw)).ToArray();
        Used[key] = v;
        return v;
    }

    /// <summary>sklearn's test_size/train_size: a float is a fraction, an integer is a count.</summary>
    public SplitSize? Size(string key, double? fallbackFraction = null)
    {
        if (!TryGet(key, out var raw))
        {
            if (fallbackFraction is not { } f) return null;
            Used[key] = f;
            return SplitSize.Of(f);
        }
        var d = ToDouble(raw) ?? throw Bad(key, "a fraction or a count", raw);
        if (LooksFractional(raw) || d is > 0 and < 1)
        {
            Used[key] = d;
            return SplitSize.Of(d);
        }
        Used[key] = (int)d;
        return SplitSize.OfCount((int)d);
    }

    private static bool LooksFractional(object? raw) => raw switch
    {
        double or float or decimal => true,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetRawText().IndexOfAny(['.', 'e', 'E']) >= 0,
        string s => s.IndexOfAny(['.', 'e', 'E']) >= 0,
        _ => false,
    };

    private static double? ToDouble(object? raw) => raw switch
    {
        double d => d,
        float f => (double)(decimal)f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e => Parse(e.GetString()),
        string s => Parse(s),
        _ => null,
    };

    private static double? Parse(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
