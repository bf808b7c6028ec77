using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>Performer self-attention: q/k/v projections without bias (PerformerLM's qkv_bias=False), FAVOR+, to_out with bias.</summary>
public sealed class SelfAttention : Module<Tensor, Tensor>
{
    private readonly FastAttention fast_attention;
    private readonly Linear to_q;
    private readonly Linear to_k;
    private readonly Linear to_v;
    private readonly Linear to_out;
    private readonly int _heads;

    public SelfAttention(int dim, int heads, int dimHead, int features) : base(nameof(SelfAttention))
    {
        _heads = heads;
        var inner = heads * dimHead;
        fast_attention = new FastAttention(dimHead, features);
        to_q = Linear(dim, inner, hasBias: false);
        to_k = Linear(dim, inner, hasBias: false);
        to_v = Linear(dim, inner, hasBias: false);
        to_out = Linear(inner, dim);
        RegisterComponents();
    }

    public FastAttention Attention => fast_attention;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (b, n) = (input.shape[0], input.shape[1]);
        Tensor Split(Tensor t) => t.view(b, n, _heads, -1).transpose(1, 2);
        var o = fast_attention.forward(Split(to_q.forward(input)), Split(to_k.forward(input)), Split(to_v.forward(input)));
        return to_out.forward(o.transpose(1, 2).reshape(b, n, -1)).MoveToOuterDisposeScope();
    }
}
