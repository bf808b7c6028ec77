using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>tanh(dense(h[:, 0])): for V1 token 0 is the cell's top-ranked gene (no &lt;cls&gt;), for V2 it is &lt;cls&gt;.</summary>
public sealed class BertPooler : Module<Tensor, Tensor>
{
    private readonly Linear dense;

    public BertPooler(GeneformerConfig c) : base(nameof(BertPooler))
    {
        dense = Linear(c.HiddenSize, c.HiddenSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return dense.forward(hidden.select(1, 0)).tanh().MoveToOuterDisposeScope();
    }
}
