using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>Layer normalisation over the trailing <c>normalized_shape</c> dimensions.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    public Parameter? weight;
    public Parameter? bias;

    public LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null)
        : base(nameof(LayerNorm))
    {
        this.normalized_shape = normalized_shape;
        this.eps = eps;
        if (elementwise_affine)
        {
            weight = new Parameter(ones(normalized_shape, dtype, device));
            bias = new Parameter(zeros(normalized_shape, dtype, device));
        }
        RegisterComponents();
    }

    public long[] normalized_shape { get; }
    public double eps { get; }

    public override Tensor forward(Tensor input) => functional.layer_norm(input, normalized_shape, weight, bias, eps);
}
