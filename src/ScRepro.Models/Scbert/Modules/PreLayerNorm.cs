using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>fn(LayerNorm(x)): the residual is added by the layer stack (use_scalenorm and use_rezero are False).</summary>
public sealed class PreLayerNorm : Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Module<Tensor, Tensor> fn;

    public PreLayerNorm(int dim, Module<Tensor, Tensor> fn) : base(nameof(PreLayerNorm))
    {
        norm = LayerNorm(dim);
        this.fn = fn;
        RegisterComponents();
    }

    public Module<Tensor, Tensor> Inner => fn;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fn.forward(norm.forward(input)).MoveToOuterDisposeScope();
    }
}
