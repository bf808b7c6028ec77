using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>Zeroes elements with probability p in training mode (scaling the rest by 1/(1-p)); identity in eval mode.</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    public Dropout(double p = 0.5) : base(nameof(Dropout))
    {
        if (p < 0 || p > 1) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}");
        this.p = p;
    }

    public double p { get; }

    public override Tensor forward(Tensor input) => functional.dropout(input, p, training);
}
