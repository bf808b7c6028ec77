using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>w1 → exact GELU → w2 (ff_mult 4, ff_glu False, dropout 0).</summary>
public sealed class FeedForward : Module<Tensor, Tensor>
{
    private readonly Linear w1;
    private readonly Linear w2;

    public FeedForward(int dim, int mult = 4) : base(nameof(FeedForward))
    {
        w1 = Linear(dim, dim * mult);
        w2 = Linear(dim * mult, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return w2.forward(functional.gelu(w1.forward(input))).MoveToOuterDisposeScope();
    }
}
