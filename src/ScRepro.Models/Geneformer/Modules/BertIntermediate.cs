using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>intermediate.dense followed by ReLU.</summary>
public sealed class BertIntermediate : Module<Tensor, Tensor>
{
    private readonly Linear dense;

    public BertIntermediate(GeneformerConfig c) : base(nameof(BertIntermediate))
    {
        dense = Linear(c.HiddenSize, c.IntermediateSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return dense.forward(input).relu().MoveToOuterDisposeScope();
    }
}
