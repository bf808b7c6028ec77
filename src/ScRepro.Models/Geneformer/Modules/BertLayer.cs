using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>One post-LN encoder layer: attention, then intermediate.dense + ReLU (hidden_act "relu"), then output.</summary>
public sealed class BertLayer : Module<Tensor, Tensor, Tensor>
{
    private readonly BertAttention attention;
    private readonly BertIntermediate intermediate;
    private readonly BertResidualOutput output;

    public BertLayer(GeneformerConfig c) : base(nameof(BertLayer))
    {
        attention = new BertAttention(c);
        intermediate = new BertIntermediate(c);
        output = new BertResidualOutput(c.IntermediateSize, c);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var a = attention.forward(input, additiveMask);
        return output.forward(intermediate.forward(a), a).MoveToOuterDisposeScope();
    }
}
