using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// scBERT's "positional" embedding: one frozen float64 row per position (gene2vec, the CLS row zeros), looked up by
/// arange(positions). Float64 as upstream's nn.Embedding.from_pretrained(torch.from_numpy(…)) leaves it, and the key
/// <c>pos_emb.emb.weight</c> carries it into every checkpoint.
/// </summary>
public sealed class Gene2VecEmbedding : Module<Tensor, Tensor>
{
    private readonly Embedding emb;

    /// <param name="rows">Positions (genes + CLS).</param>
    public Gene2VecEmbedding(long rows, long dim) : base(nameof(Gene2VecEmbedding))
    {
        emb = Embedding(rows, dim, dtype: ScalarType.Float64);
        emb.weight.requires_grad = false;
        RegisterComponents();
    }

    public Tensor Weight => emb.weight;

    /// <summary>Sets the rows (float64 copy); the last row, the CLS slot, is expected to be zeros but not forced.</summary>
    public void SetWeight(Tensor weight)
    {
        using var _ = no_grad();
        emb.weight.copy_(weight.to(ScalarType.Float64));
    }

    /// <summary>The rows of the first <c>input.shape[1]</c> positions.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return emb.forward(arange(input.shape[1], device: emb.weight.device)).MoveToOuterDisposeScope();
    }
}
