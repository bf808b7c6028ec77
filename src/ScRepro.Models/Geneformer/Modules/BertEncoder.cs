using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>The layer stack, as <c>encoder.layer.N</c>.</summary>
public sealed class BertEncoder : Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<BertLayer> layer;

    public BertEncoder(GeneformerConfig c) : base(nameof(BertEncoder))
    {
        layer = new ModuleList<BertLayer>(Enumerable.Range(0, c.NumHiddenLayers).Select(_ => new BertLayer(c)).ToArray());
        RegisterComponents();
    }

    public ModuleList<BertLayer> Layers => layer;

    public override Tensor forward(Tensor input, Tensor additiveMask)
    {
        var x = input;
        foreach (var l in layer)
        {
            var next = l.forward(x, additiveMask);
            if (!ReferenceEquals(x, input)) x.Dispose();
            x = next;
        }
        return x;
    }
}
