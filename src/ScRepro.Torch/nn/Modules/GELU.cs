using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>GELU, exact ("none") or the tanh approximation.</summary>
public sealed class GELU : Module<Tensor, Tensor>
{
    public GELU(string approximate = "none") : base(nameof(GELU)) => this.approximate = approximate;

    public string approximate { get; }

    public override Tensor forward(Tensor input) => input.gelu(approximate);
}
