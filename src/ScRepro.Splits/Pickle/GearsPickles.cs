using ScRepro.Foundation.Errors;

namespace ScRepro.Splits.Pickle;

/// <summary>
/// GEARS' split files (PertData.prepare_split): <c>&lt;name&gt;_simulation_&lt;seed&gt;_&lt;tgs&gt;.pkl</c> holds
/// {'test'|'train'|'val': [condition, …]} and <c>…_subgroup.pkl</c> holds
/// {'test_subgroup'|'val_subgroup': {'combo_seen0'|…|'unseen_single': [condition, …]}}. Read with <see cref="SafePickleReader"/>.
/// </summary>
public static class GearsPickles
{
    private static readonly string[] SplitKeys = ["train", "val", "test"];

    /// <summary>set2conditions: part → conditions (a missing part is an empty list, as when GEARS has no val).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadSplit(string path)
    {
        var root = SafePickleReader.Load(path) as Dictionary<string, object?>
                   ?? throw new ScReproException($"{path}: not a GEARS split pickle (expected a dict of lists)");
        foreach (var k in root.Keys)
            if (!SplitKeys.Contains(k)) throw new ScReproException($"{path}: unexpected key '{k}' (GEARS writes train, val, test)");
        if (!root.ContainsKey("train")) throw new ScReproException($"{path}: key 'train' is missing");
        return SplitKeys.ToDictionary(k => k, k => root.TryGetValue(k, out var v) ? Strings(v, path, k) : (IReadOnlyList<string>)[],
            StringComparer.Ordinal);
    }

    /// <summary>The subgroup pickle: group → subgroup → conditions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadSubgroup(string path)
    {
        var root = SafePickleReader.Load(path) as Dictionary<string, object?>
                   ?? throw new ScReproException($"{path}: not a GEARS subgroup pickle (expected a dict of dicts)");
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (group, value) in root)
        {
            var inner = value as Dictionary<string, object?>
                        ?? throw new ScReproException($"{path}: key '{group}' is not a dict of lists");
            result[group] = inner.ToDictionary(kv => kv.Key, kv => Strings(kv.Value, path, $"{group}.{kv.Key}"), StringComparer.Ordinal);
        }
        return result;
    }

    private static IReadOnlyList<string> Strings(object? value, string path, string key)
    {
        var list = value as List<object?> ?? throw new ScReproException($"{path}: key '{key}' is not a list");
        return list.Select((o, i) => o as string ?? throw new ScReproException($"{path}: item {i} of '{key}' is not a string")).ToArray();
    }
}
