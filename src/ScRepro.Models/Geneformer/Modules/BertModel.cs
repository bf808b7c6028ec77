using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>HF's BertModel as Geneformer's classifier holds it: embeddings, encoder.layer.N, and the pooler (tanh on token 0).</summary>
public sealed class BertModel : Module<Tensor, Tensor, Tensor>
{
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;
    private readonly BertPooler pooler;

    public BertModel(GeneformerConfig c) : base(nameof(BertModel))
    {
        embeddings = new BertEmbeddings(c);
        encoder = new BertEncoder(c);
        pooler = new BertPooler(c);
        RegisterComponents();
    }

    public BertEmbeddings Embeddings => embeddings;

    public BertEncoder Encoder => encoder;

    public BertPooler Pooler => pooler;

    /// <summary>The last hidden states (batch, positions, hidden).</summary>
    /// <param name="attentionMask">(batch, positions): 1 for tokens, 0 for right padding.</param>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var hidden = embeddings.forward(inputIds);
        // HF's extended mask: (1 − mask) · finfo(float32).min, broadcast over heads and query positions.
        var additive = (1.0 - attentionMask.to(ScalarType.Float32)).mul(float.MinValue).unsqueeze(1).unsqueeze(1).to(hidden.dtype);
        return encoder.forward(hidden, additive).MoveToOuterDisposeScope();
    }
}
