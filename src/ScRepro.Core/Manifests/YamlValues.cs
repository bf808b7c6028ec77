using System.Globalization;
using System.Text;
using System.Text.Json;
using ScRepro.Foundation.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Core.Manifests;

/// <summary>
/// YAML nodes as typed values (YAML 1.2 core schema for plain scalars; quoted scalars stay strings),
/// and the canonical JSON used to hash a manifest: keys sorted ordinally, no whitespace, UTF-8.
/// Comments and formatting therefore never change a manifest's hash; values do.
/// </summary>
public static class YamlValues
{
    public static object? ToValue(YamlNode node, string file, string path) => node switch
    {
        YamlMappingNode m => ToMap(m, file, path),
        YamlSequenceNode s => s.Children.Select((c, i) => ToValue(c, file, $"{path}[{i}]")).ToList(),
        YamlScalarNode sc => Scalar(sc),
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

    private static object? Scalar(YamlScalarNode s)
    {
        if (s.Style != ScalarStyle.Plain) return s.Value;
        var v = s.Value;
        if (v is null or "" or "~" or "null" or "Null" or "NULL") return null;
        if (v is "true" or "True" or "TRUE") return true;
        if (v is "false" or "False" or "FALSE") return false;
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return v;
    }

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
