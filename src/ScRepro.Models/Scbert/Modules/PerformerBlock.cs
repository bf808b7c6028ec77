using ScRepro.Torch;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// One layer: x + Attn(LN(x)), then x + FF(LN(x)). Upstream holds the pair in an nn.ModuleList, hence the children
/// "0" (attention) and "1" (feed-forward) in the key path.
/// </summary>
public sealed class PerformerBlock : Module<Tensor, Tensor>
{
    [ComponentName(Name = "0")] private readonly PreLayerNorm attention;
    [ComponentName(Name = "1")] private readonly PreLayerNorm feed_forward;

    public PerformerBlock(int dim, int heads, int dimHead, int features) : base(nameof(PerformerBlock))
    {
        attention = new PreLayerNorm(dim, new SelfAttention(dim, heads, dimHead, features));
        feed_forward = new PreLayerNorm(dim, new Chunk(new FeedForward(dim)));
        RegisterComponents();
    }

    public FastAttention FastAttention => ((SelfAttention)attention.Inner).Attention;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input + attention.forward(input);
        return (x + feed_forward.forward(x)).MoveToOuterDisposeScope();
    }
}
