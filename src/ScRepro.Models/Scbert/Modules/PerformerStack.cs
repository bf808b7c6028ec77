using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>Performer's SequentialSequence (reversible = False): the layers in order, as <c>net.layers.i</c>.</summary>
public sealed class PerformerStack : Module<Tensor, Tensor>
{
    private readonly ModuleList<PerformerBlock> layers;

    public PerformerStack(IEnumerable<PerformerBlock> blocks) : base(nameof(PerformerStack))
    {
        layers = new ModuleList<PerformerBlock>(blocks.ToArray());
        RegisterComponents();
    }

    public ModuleList<PerformerBlock> Layers => layers;

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.forward(x);
            if (!ReferenceEquals(x, input)) x.Dispose();
            x = next;
        }
        return x;
    }
}
