using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>y = x Wᵀ + b, initialised as PyTorch does (kaiming_uniform_(a=√5), bias U(±1/√fan_in)).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter? bias;

    public Linear(long in_features, long out_features, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear))
    {
        this.in_features = in_features;
        this.out_features = out_features;
        weight = new Parameter(empty([out_features, in_features], dtype, device));
        if (hasBias) bias = new Parameter(empty([out_features], dtype, device));
        reset_parameters();
        RegisterComponents();
    }

    public long in_features { get; }
    public long out_features { get; }

    public void reset_parameters()
    {
        init.kaiming_uniform_(weight, Math.Sqrt(5));
        if (bias is null) return;
        var bound = in_features > 0 ? 1 / Math.Sqrt(in_features) : 0;
        init.uniform_(bias, -bound, bound);
    }

    public override Tensor forward(Tensor input) => functional.linear(input, weight, bias);
}
