using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>
/// scGPT's ContinuousValueEncoder: x.unsqueeze(-1), clamp(max=512) (upper only), Linear(1,d), ReLU, Linear(d,d),
/// LayerNorm, Dropout (spec §1.3 step 3).
/// </summary>
public sealed class ContinuousValueEncoder : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Dropout dropout;
    private readonly Linear linear1;
    private readonly ReLU activation;
    private readonly Linear linear2;
    private readonly LayerNorm norm;
#pragma warning restore IDE1006
    private readonly double _maxValue;

    public ContinuousValueEncoder(long dModel, double dropoutP, double maxValue = 512) : base(nameof(ContinuousValueEncoder))
    {
        dropout = nn.Dropout(dropoutP);
        linear1 = nn.Linear(1, dModel);
        activation = nn.ReLU();
        linear2 = nn.Linear(dModel, dModel);
        norm = nn.LayerNorm(dModel);
        _maxValue = maxValue;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => WrappedTensorDisposeScope(() =>
    {
        var x = input.unsqueeze(-1).clamp(max: _maxValue);
        x = activation.forward(linear1.forward(x));
        return dropout.forward(norm.forward(linear2.forward(x)));
    });
}
