using System.Collections;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>An indexable list of submodules, registered as "0", "1", ….</summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    private readonly List<T> _items = new();

    public ModuleList(params T[] modules) : base("ModuleList")
    {
        foreach (var m in modules) append(m);
    }

    public ModuleList<T> append(T module)
    {
        register_module(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        _items.Add(module);
        return this;
    }

    public void Add(T module) => append(module);

    public T this[int index] => _items[index];
    public int Count => _items.Count;
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
