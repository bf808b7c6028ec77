using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>Applies its modules in order; children are named "0", "1", … or as given.</summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> _layers = new();

    public Sequential(params Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
    {
        foreach (var m in modules) append(m);
    }

    public Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) : base(nameof(Sequential))
    {
        foreach (var (name, m) in modules)
        {
            register_module(name, m);
            _layers.Add(m);
        }
    }

    public Sequential append(Module<Tensor, Tensor> module)
    {
        register_module(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        _layers.Add(module);
        return this;
    }

    public int Count => _layers.Count;

    public Module<Tensor, Tensor> this[int index] => _layers[index];

    public override Tensor forward(Tensor input)
    {
        if (_layers.Count == 0) return input.alias();
        // Intermediate results are disposed as soon as the next layer has consumed them.
        var x = _layers[0].forward(input);
        for (var i = 1; i < _layers.Count; i++)
        {
            var next = _layers[i].forward(x);
            x.Dispose();
            x = next;
        }
        return x;
    }
}
