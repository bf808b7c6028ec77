using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScRepro.Foundation.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Core.Manifests;

/// <summary>
/// YAML nodes as typed values (YAML 1.2 core schema for plain scalars; quoted scalars stay strings),
/// and the canonical JSON used to hash a manifest: keys sorted ordinally, no whitespace, UTF-8.
/// Comments and formatting therefore never change a manifest's hash; values do.
/// </summary>
public static partial class YamlValues
{
    public static object? ToValue(YamlNode node, string file, string path) => node switch
    {
        YamlMappingNode m => ToMap(m, file, path),
        YamlSequenceNode s => s.Children.Select((c, i) => ToValue(c, file, $"{path}[{i}]")).ToList(),
        YamlScalarNode sc => Scalar(sc, file, path),
        _ => throw new ScReproException($"{file}:{node.Start.Line}: key '{path}': unsupported YAML node"),
    };

    private static SortedDictionary<string, object?> ToMap(YamlMappingNode m, string file, string path)
    {
        var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in m.Children)
        {
            var key = (k as YamlScalarNode)?.Value
                ?? throw new ScReproException($"{file}:{k.Start.Line}: key '{path}': keys must be strings");
            if (!map.TryAdd(key, ToValue(v, file, path.Length == 0 ? key : $"{path}.{key}")))
                throw new ScReproException($"{file}:{k.Start.Line}: key '{(path.Length == 0 ? key : $"{path}.{key}")}': duplicate key");
        }
        return map;
    }

    /// <summary>
    /// A scalar typed by the YAML 1.2 core schema (§10.3.2): null, bool, int (decimal, 0o octal, 0x hex) and float
    /// by its regular expressions, everything else a string; so plain <c>NaN</c> or <c>Infinity</c> is a string, as
    /// PyYAML's 1.1 resolver and ruamel's 1.2 one both read it. <c>.nan</c> and <c>.inf</c> are floats the canonical
    /// JSON has no form for, and a number outside int64 or double range would change when re-read: both are named
    /// errors, never a crash.
    /// </summary>
    public static object? Scalar(YamlScalarNode s, string file, string path)
    {
        if (s.Style != ScalarStyle.Plain) return s.Value;
        var v = s.Value;
        if (v is null or "" or "~" or "null" or "Null" or "NULL") return null;
        if (v is "true" or "True" or "TRUE") return true;
        if (v is "false" or "False" or "FALSE") return false;
        ScReproException Bad(string why) => new($"{file}:{s.Start.Line}: key '{path}': {why}");
        if (CoreInt().IsMatch(v))
        {
            if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
            throw Bad($"'{v}' is out of range for a 64-bit integer");
        }
        if (CoreOctal().IsMatch(v) || CoreHex().IsMatch(v))
        {
            try { return Convert.ToInt64(v[2..], v[1] == 'o' ? 8 : 16); }
            catch (OverflowException) { throw Bad($"'{v}' is out of range for a 64-bit integer"); }
        }
        if (CoreFloat().IsMatch(v))
        {
            var d = double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d)) throw Bad($"'{v}' is out of range for a 64-bit float (largest about 1.8e308)");
            return d;
        }
        if (CoreSpecial().IsMatch(v))
            throw Bad($"'{v}' is a non-finite float (YAML 1.2 core schema); manifests allow only finite numbers (their canonical JSON has no NaN or infinity); quote it for a string");
        return v;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex CoreInt();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex CoreOctal();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex CoreHex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex CoreFloat();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex CoreSpecial();

    /// <summary>sha256 of <see cref="CanonicalJson"/>: the stamp input for a piece of a manifest.</summary>
    public static string CanonicalHash(object? value) => Hashing.TextHash.Sha256(CanonicalJson(value));

    /// <summary>Canonical JSON of a value tree: sorted keys, no whitespace, shortest round-trip numbers.</summary>
    public static string CanonicalJson(object? value)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, value);
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteRawValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case IDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (k, v) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(k);
                    Write(w, v);
                }
                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: throw new ArgumentException($"cannot canonicalise {value.GetType().Name}");
        }
    }
}
