using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>
/// word + absolute position (arange) + token-type-0 rows → LayerNorm(eps) → dropout. HF's position_ids buffer is
/// not kept: positions are always 0…n−1 here, and a checkpoint's copy is checked to be exactly that when loaded.
/// </summary>
public sealed class BertEmbeddings : Module<Tensor, Tensor>
{
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    [ComponentName(Name = "LayerNorm")] private readonly LayerNorm layer_norm;
    private readonly Dropout dropout;

    public BertEmbeddings(GeneformerConfig c) : base(nameof(BertEmbeddings))
    {
        word_embeddings = Embedding(c.VocabSize, c.HiddenSize, padding_idx: c.PadTokenId);
        position_embeddings = Embedding(c.MaxPositionEmbeddings, c.HiddenSize);
        token_type_embeddings = Embedding(c.TypeVocabSize, c.HiddenSize);
        layer_norm = LayerNorm(c.HiddenSize, c.LayerNormEps);
        dropout = Dropout(c.HiddenDropoutProb);
        RegisterComponents();
    }

    public Embedding WordEmbeddings => word_embeddings;

    /// <param name="input">Token ids (batch, positions).</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var n = input.shape[1];
        var device = word_embeddings.weight.device;
        var x = word_embeddings.forward(input) + token_type_embeddings.forward(zeros_like(input));
        x = x + position_embeddings.forward(arange(n, device: device)).unsqueeze(0);
        return dropout.forward(layer_norm.forward(x)).MoveToOuterDisposeScope();
    }
}
