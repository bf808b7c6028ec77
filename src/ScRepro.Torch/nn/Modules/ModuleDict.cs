using System.Collections;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>Submodules by name, in insertion order.</summary>
public sealed class ModuleDict<T> : Module, IEnumerable<(string name, T module)> where T : Module
{
    private readonly List<(string name, T module)> _items = new();

    public ModuleDict(params (string name, T module)[] modules) : base("ModuleDict")
    {
        foreach (var (n, m) in modules) Add(n, m);
    }

    public void Add(string key, T module)
    {
        if (ContainsKey(key)) throw new ArgumentException($"ModuleDict already holds '{key}'");
        register_module(key, module);
        _items.Add((key, module));
    }

    public bool ContainsKey(string key) => _items.Any(x => x.name == key);

    public T this[string key] => _items.FirstOrDefault(x => x.name == key).module ?? throw new KeyNotFoundException($"ModuleDict has no '{key}'");

    public IEnumerable<string> keys() => _items.Select(x => x.name);
    public IEnumerable<T> values() => _items.Select(x => x.module);
    public int Count => _items.Count;
    public IEnumerator<(string name, T module)> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
