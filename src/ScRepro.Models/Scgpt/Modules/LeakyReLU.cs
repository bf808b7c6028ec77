using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>nn.LeakyReLU(0.01) as a module, so ExprDecoder's Sequential keeps PyTorch's indices (fc.0, fc.2, fc.4).
/// ScRepro.Torch has no LeakyReLU module; the functional op is there.</summary>
public sealed class LeakyReLU : nn.Module<Tensor, Tensor>
{
    public LeakyReLU(double negativeSlope = 0.01) : base(nameof(LeakyReLU)) => NegativeSlope = negativeSlope;

    public double NegativeSlope { get; }

    public override Tensor forward(Tensor input) => input.leaky_relu(NegativeSlope);
}
