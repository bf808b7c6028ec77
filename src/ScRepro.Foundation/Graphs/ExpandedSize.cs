using System.Collections;
using ScRepro.Foundation.Errors;

namespace ScRepro.Foundation.Graphs;

/// <summary>
/// How many objects an unpickled value expands to when every shared reference is followed, as a consumer that walks it
/// (flattening a checkpoint's nested keys, converting a GEARS pickle) would. A pickle's memo lets one container be
/// referenced many times, so a few hundred bytes can stand for 2^40 objects (issue 19's 740-byte "memo bomb" grew
/// past 3 GB): the unpickler's own work stays linear in the input, but the first walk of its result does not. This
/// counts with one visit per distinct object (sizes memoised by reference, an explicit stack so deep nesting cannot
/// overflow the thread's) and refuses above a limit, and refuses cycles, which no file ScRepro reads needs.
/// Containers are object arrays (tuples), lists and dictionaries (keys and values); anything else is one object.
/// </summary>
public static class ExpandedSize
{
    /// <summary>Far above any real checkpoint, GEARS or dictionary pickle (a whole-human scGPT state dict is ~10^3 objects).</summary>
    public const long DefaultLimit = 50_000_000;

    /// <summary>Throws a <see cref="ScReproException"/> naming <paramref name="source"/> when the expansion exceeds the limit or has a cycle.</summary>
    public static long Check(object? root, string source, long limit = DefaultLimit)
    {
        var size = new Dictionary<object, long>(ReferenceEqualityComparer.Instance);
        var open = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object Node, bool Expanded)>();
        if (root is null || !IsContainer(root)) return 1;
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                // Saturating sum: the children are all sized by now.
                long total = 1;
                foreach (var child in Children(node))
                {
                    total += child is not null && IsContainer(child) ? size[child] : 1;
                    if (total > limit) throw TooLarge(source, limit);
                }
                size[node] = total;
                open.Remove(node);
                continue;
            }
            if (size.ContainsKey(node)) continue;
            if (!open.Add(node)) throw new ScReproException($"{source}: the pickle has a container that contains itself (a cycle); refused");
            stack.Push((node, true));
            foreach (var child in Children(node))
            {
                if (child is null || !IsContainer(child) || size.ContainsKey(child)) continue;
                if (open.Contains(child)) throw new ScReproException($"{source}: the pickle has a container that contains itself (a cycle); refused");
                stack.Push((child, false));
            }
        }
        return size[root];
    }

    private static ScReproException TooLarge(string source, long limit) =>
        new($"{source}: the pickle expands to more than {limit:N0} objects through shared references (a memo bomb?); refused");

    private static bool IsContainer(object o) => o is object?[] or IList and not Array or IDictionary;

    private static IEnumerable<object?> Children(object node)
    {
        switch (node)
        {
            case IDictionary d:
                foreach (DictionaryEntry e in d)
                {
                    yield return e.Key;
                    yield return e.Value;
                }
                break;
            case object?[] tuple:
                foreach (var x in tuple) yield return x;
                break;
            case IList list:
                foreach (var x in list) yield return x;
                break;
        }
    }
}
