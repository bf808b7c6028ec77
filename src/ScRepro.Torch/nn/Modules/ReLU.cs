using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

public sealed class ReLU : Module<Tensor, Tensor>
{
    public ReLU() : base(nameof(ReLU)) { }

    public override Tensor forward(Tensor input) => input.relu();
}
