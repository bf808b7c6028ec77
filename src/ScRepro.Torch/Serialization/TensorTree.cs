using System.Globalization;

namespace ScRepro.Torch.Serialization;

/// <summary>Walks a checkpoint object tree and names each tensor by its path of keys.</summary>
public static class TensorTree
{
    /// <summary>
    /// Tensors in tree order (dict insertion order = pickle order), named by keys joined with "."; list and tuple
    /// items are named by their index, so an optimizer state reads "state.0.exp_avg".
    /// </summary>
    /// <exception cref="ArgumentException">The tree nests deeper than <see cref="MaxDepth"/> (or contains itself).</exception>
    public static IReadOnlyList<KeyValuePair<string, StoredTensor>> Flatten(object? root)
    {
        var result = new List<KeyValuePair<string, StoredTensor>>();
        Walk(root, "", result, 0);
        return result;
    }

    /// <summary>
    /// Deepest nesting walked. A pickle can build a list that contains itself (memo + APPEND); without a bound the walk
    /// would overflow the stack, which .NET cannot catch. Real checkpoints nest a handful of levels.
    /// </summary>
    public const int MaxDepth = 200;

    private static void Walk(object? node, string path, List<KeyValuePair<string, StoredTensor>> result, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"object tree nests deeper than {MaxDepth} levels at {path} (or contains itself)");
        depth++;
        switch (node)
        {
            case StoredTensor t:
                result.Add(new(path, t));
                break;
            case OrderedDictionary<object, object?> dict:
                foreach (var (k, v) in dict) Walk(v, Join(path, KeyText(k)), result, depth);
                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++) Walk(list[i], Join(path, i.ToString(CultureInfo.InvariantCulture)), result, depth);
                break;
            case object?[] tuple:
                for (var i = 0; i < tuple.Length; i++) Walk(tuple[i], Join(path, i.ToString(CultureInfo.InvariantCulture)), result, depth);
                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>Python's str() of a key for the common key types.</summary>
    internal static string KeyText(object key) => key switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        System.Numerics.BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };
}
