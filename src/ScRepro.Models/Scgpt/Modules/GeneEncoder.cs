using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>scGPT's GeneEncoder: Embedding(ntoken, d, padding_idx=&lt;pad&gt;) then LayerNorm; no dropout.</summary>
public sealed class GeneEncoder : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // state-dict names are PyTorch's
    private readonly Embedding embedding;
    private readonly LayerNorm enc_norm;
#pragma warning restore IDE1006

    public GeneEncoder(long ntoken, long dModel, long padId) : base(nameof(GeneEncoder))
    {
        embedding = nn.Embedding(ntoken, dModel, padId);
        enc_norm = nn.LayerNorm(dModel);
        RegisterComponents();
    }

    /// <summary>The embedding table (scGPT's init_weights overwrites it with U(-0.1, 0.1), pad row included).</summary>
    public Parameter Weight => embedding.weight;

    public override Tensor forward(Tensor input) => WrappedTensorDisposeScope(() => enc_norm.forward(embedding.forward(input)));
}
