using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>scGPT's ExprDecoder (explicit_zero_prob=False): fc = Linear(d,d), LeakyReLU, Linear(d,d), LeakyReLU, Linear(d,1); squeeze(-1).</summary>
public sealed class ExprDecoder : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Sequential fc;
#pragma warning restore IDE1006

    public ExprDecoder(long dModel) : base(nameof(ExprDecoder))
    {
        fc = nn.Sequential(nn.Linear(dModel, dModel), new LeakyReLU(), nn.Linear(dModel, dModel), new LeakyReLU(), nn.Linear(dModel, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => WrappedTensorDisposeScope(() => fc.forward(input).squeeze(-1));
}
