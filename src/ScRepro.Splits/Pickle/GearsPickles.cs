using ScRepro.Foundation.Errors;
using ScRepro.Pickle;

namespace ScRepro.Splits.Pickle;

/// <summary>
/// GEARS' split files (PertData.prepare_split): <c>&lt;name&gt;_simulation_&lt;seed&gt;_&lt;tgs&gt;.pkl</c> holds
/// {'test'|'train'|'val': [condition, …]} and <c>…_subgroup.pkl</c> holds
/// {'test_subgroup'|'val_subgroup': {'combo_seen0'|…|'unseen_single': [condition, …]}}. Read with the project's one <see cref="Unpickler"/>, allowing plain data and numpy.str_ only.
/// </summary>
public static class GearsPickles
{
    private static readonly string[] SplitKeys = ["train", "val", "test"];

    /// <summary>GEARS' own _subgroup.pkl holds numpy.str_ items (from np.random.choice); nothing else may be named.</summary>
    private static readonly NumpyScalarAllowList AllowList = new("a GEARS split pickle holds only dicts, lists and strings (and numpy.str_), never code");

    private static OrderedDictionary<object, object?>? LoadDict(string path) =>
        Unpickler.Load(path, AllowList) as OrderedDictionary<object, object?>;

    /// <summary>set2conditions: part → conditions (a missing part is an empty list, as when GEARS has no val).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadSplit(string path)
    {
        var root = LoadDict(path)
                   ?? throw new ScReproException($"{path}: not a GEARS split pickle (expected a dict of lists)");
        foreach (var k in root.Keys)
            if (k is not string s || !SplitKeys.Contains(s)) throw new ScReproException($"{path}: unexpected key '{k}' (GEARS writes train, val, test)");
        if (!root.ContainsKey("train")) throw new ScReproException($"{path}: key 'train' is missing");
        return SplitKeys.ToDictionary(k => k, k => root.TryGetValue(k, out var v) ? Strings(v, path, k) : (IReadOnlyList<string>)[],
            StringComparer.Ordinal);
    }

    /// <summary>The subgroup pickle: group → subgroup → conditions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadSubgroup(string path)
    {
        var root = LoadDict(path)
                   ?? throw new ScReproException($"{path}: not a GEARS subgroup pickle (expected a dict of dicts)");
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (key, value) in root)
        {
            var group = key as string ?? throw new ScReproException($"{path}: a key is not a string");
            var inner = value as OrderedDictionary<object, object?>
                        ?? throw new ScReproException($"{path}: key '{group}' is not a dict of lists");
            result[group] = inner.ToDictionary(kv => kv.Key as string ?? throw new ScReproException($"{path}: a key of '{group}' is not a string"),
                kv => Strings(kv.Value, path, $"{group}.{kv.Key}"), StringComparer.Ordinal);
        }
        return result;
    }

    private static IReadOnlyList<string> Strings(object? value, string path, string key)
    {
        var list = value as List<object?> ?? throw new ScReproException($"{path}: key '{key}' is not a list");
        return list.Select((o, i) => o as string ?? throw new ScReproException($"{path}: item {i} of '{key}' is not a string")).ToArray();
    }
}
