using ScRepro.Foundation.Errors;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Core.Manifests;

/// <summary>
/// Strict reading of one YAML mapping: every key must be read exactly once by the schema, and
/// <see cref="Finish"/> rejects what is left. Errors name the file, the line and the dotted key.
/// </summary>
public sealed class YamlMapping
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public YamlMapping(YamlMappingNode node, string file, string path)
    {
        _node = node;
        File = file;
        Path = path;
    }

    public string File { get; }

    /// <summary>Dotted key path of this mapping ("" at the top).</summary>
    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    /// <summary>An error at <paramref name="at"/>, else at the key's own line when the mapping has it, else the mapping's.</summary>
    public ScReproException Error(string key, string message, YamlNode? at = null) =>
        new($"{File}:{(at ?? KeyNode(key) ?? _node).Start.Line}: key '{Qualify(key)}': {message}");

    // "sources[0].provides[2]" → the node of "provides" in this mapping (the part before any index).
    private YamlNode? KeyNode(string key)
    {
        var bracket = key.IndexOf('[');
        var name = bracket < 0 ? key : key[..bracket];
        foreach (var (k, _) in _node.Children)
            if (k is YamlScalarNode s && s.Value == name) return k;
        return null;
    }

    /// <summary>The line of <paramref name="key"/> in the file (the mapping's own line when the key is absent).</summary>
    public int LineOf(string key) => (int)(KeyNode(key) ?? _node).Start.Line;

    public string Qualify(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Get(string key)
    {
        _consumed.Add(key);
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) return IsNull(v) ? null : v;
        }
        return null;
    }

    public string RequiredString(string key) =>
        OptionalString(key) ?? throw Error(key, "required field is missing");

    public string? OptionalString(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is not YamlScalarNode s) throw Error(key, $"expected a string, got a {Kind(node)}", node);
        return s.Value;
    }

    public long? OptionalInt(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode s && YamlValues.Scalar(s, File, Qualify(key)) is long v) return v;
        throw Error(key, $"expected an integer, got {Describe(node)}", node);
    }

    public double? OptionalDouble(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode s)
        {
            switch (YamlValues.Scalar(s, File, Qualify(key)))
            {
                case double d: return d;
                case long l: return l;
            }
        }
        throw Error(key, $"expected a number, got {Describe(node)}", node);
    }

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null) return required ? throw Error(key, "required list is missing") : [];
        if (node is not YamlSequenceNode seq) throw Error(key, $"expected a list of strings, got {Describe(node)}", node);
        return seq.Children.Select((c, i) => c is YamlScalarNode s && !IsNull(c)
            ? s.Value!
            : throw Error($"{key}[{i}]", $"expected a string, got {Describe(c)}", c)).ToList();
    }

    public IReadOnlyList<long> IntList(string key)
    {
        var node = Get(key);
        if (node is null) return [];
        if (node is not YamlSequenceNode seq) throw Error(key, $"expected a list of integers, got {Describe(node)}", node);
        return seq.Children.Select((c, i) => c is YamlScalarNode s && YamlValues.Scalar(s, File, Qualify($"{key}[{i}]")) is long v
            ? v
            : throw Error($"{key}[{i}]", $"expected an integer, got {Describe(c)}", c)).ToList();
    }

    public YamlMapping? OptionalMapping(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is not YamlMappingNode m) throw Error(key, $"expected a mapping, got {Describe(node)}", node);
        return new YamlMapping(m, File, Qualify(key));
    }

    public YamlMapping RequiredMapping(string key) =>
        OptionalMapping(key) ?? throw Error(key, "required mapping is missing");

    /// <summary>A list of mappings, each read strictly by <paramref name="read"/>.</summary>
    public IReadOnlyList<T> MappingList<T>(string key, Func<YamlMapping, T> read)
    {
        var node = Get(key);
        if (node is null) return [];
        if (node is not YamlSequenceNode seq) throw Error(key, $"expected a list, got {Describe(node)}", node);
        return seq.Children.Select((c, i) =>
        {
            if (c is not YamlMappingNode m) throw Error($"{key}[{i}]", $"expected a mapping, got {Describe(c)}", c);
            var item = new YamlMapping(m, File, Qualify($"{key}[{i}]"));
            var value = read(item);
            item.Finish();
            return value;
        }).ToList();
    }

    public bool? OptionalBool(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s)
        {
            if (s.Value is "true" or "True" or "TRUE") return true;
            if (s.Value is "false" or "False" or "FALSE") return false;
        }
        throw Error(key, $"expected true or false, got {Describe(node)}", node);
    }

    /// <summary>
    /// A mapping from names to mappings (e.g. <c>profiles: {retrain: {...}}</c>), each read strictly by
    /// <paramref name="read"/> in file order; names must be plain strings.
    /// </summary>
    public IReadOnlyList<T> NamedMappings<T>(string key, Func<string, YamlMapping, T> read)
    {
        var node = Get(key);
        if (node is null) return [];
        if (node is not YamlMappingNode map) throw Error(key, $"expected a mapping of names, got {Describe(node)}", node);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<T>();
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value;
            if (string.IsNullOrEmpty(name)) throw Error(key, "names must be non-empty strings", k);
            if (!seen.Add(name)) throw Error($"{key}.{name}", "duplicate key", k);
            if (v is not YamlMappingNode m) throw Error($"{key}.{name}", $"expected a mapping, got {Describe(v)}", v);
            var item = new YamlMapping(m, File, Qualify($"{key}.{name}"));
            result.Add(read(name, item));
            item.Finish();
        }
        return result;
    }

    /// <summary>A free-form map of scalars and lists (hyperparameters, generator parameters), typed as YAML 1.2 core.</summary>
    public IReadOnlyDictionary<string, object?> FreeMap(string key)
    {
        var node = Get(key);
        if (node is null) return new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (node is not YamlMappingNode m) throw Error(key, $"expected a mapping, got {Describe(node)}", node);
        return (IReadOnlyDictionary<string, object?>)YamlValues.ToValue(m, File, Qualify(key))!;
    }

    /// <summary>Rejects keys the schema did not read (typos, unsupported options).</summary>
    public void Finish()
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? k.ToString();
            if (!_consumed.Contains(name))
                throw new ScReproException($"{File}:{k.Start.Line}: key '{Qualify(name)}': unknown key (allowed: {string.Join(", ", _consumed.Order(StringComparer.Ordinal))})");
        }
    }

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "scalar",
    };

    private static string Describe(YamlNode node) =>
        node is YamlScalarNode s ? $"'{s.Value}'" : $"a {Kind(node)}";
}
