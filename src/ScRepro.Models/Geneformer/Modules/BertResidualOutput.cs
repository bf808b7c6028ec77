using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>HF's BertSelfOutput and BertOutput: dense → dropout → LayerNorm(x + residual) (post-LN).</summary>
public sealed class BertResidualOutput : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear dense;
    [ComponentName(Name = "LayerNorm")] private readonly LayerNorm layer_norm;
    private readonly Dropout dropout;

    public BertResidualOutput(long inFeatures, GeneformerConfig c) : base(nameof(BertResidualOutput))
    {
        dense = Linear(inFeatures, c.HiddenSize);
        layer_norm = LayerNorm(c.HiddenSize, c.LayerNormEps);
        dropout = Dropout(c.HiddenDropoutProb);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor residual)
    {
        using var scope = NewDisposeScope();
        return layer_norm.forward(dropout.forward(dense.forward(input)) + residual).MoveToOuterDisposeScope();
    }
}
