using ScRepro.Torch;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>attention.self then attention.output (dense, dropout, LayerNorm with the layer input as residual).</summary>
public sealed class BertAttention : Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "self")] private readonly BertSelfAttention self_attention;
    private readonly BertResidualOutput output;

    public BertAttention(GeneformerConfig c) : base(nameof(BertAttention))
    {
        self_attention = new BertSelfAttention(c);
        output = new BertResidualOutput(c.HiddenSize, c);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        return output.forward(self_attention.forward(input, additiveMask), input).MoveToOuterDisposeScope();
    }
}
