using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>Scaled dot-product self-attention (query/key/value with bias), additive mask, dropout on the probabilities.</summary>
public sealed class BertSelfAttention : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Dropout dropout;
    private readonly int _heads;

    public BertSelfAttention(GeneformerConfig c) : base(nameof(BertSelfAttention))
    {
        _heads = c.NumAttentionHeads;
        query = Linear(c.HiddenSize, c.HiddenSize);
        key = Linear(c.HiddenSize, c.HiddenSize);
        value = Linear(c.HiddenSize, c.HiddenSize);
        dropout = Dropout(c.AttentionProbsDropoutProb);
        RegisterComponents();
    }

    /// <param name="input">(batch, positions, hidden).</param>
    /// <param name="additiveMask">(batch, 1, 1, positions): 0 where attended, float32's lowest value at padding.</param>
    public override Tensor forward(Tensor input, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var (b, n, h) = (input.shape[0], input.shape[1], input.shape[2]);
        var d = h / _heads;
        Tensor Split(Tensor t) => t.view(b, n, _heads, d).permute(0, 2, 1, 3);
        var q = Split(query.forward(input));
        var k = Split(key.forward(input));
        var v = Split(value.forward(input));
        var scores = q.matmul(k.transpose(-1, -2)) / Math.Sqrt(d) + additiveMask;
        var context = dropout.forward(scores.softmax(-1)).matmul(v);
        return context.permute(0, 2, 1, 3).reshape(b, n, h).MoveToOuterDisposeScope();
    }
}
