using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>scGPT's ClsDecoder: (nlayers−1) × [Linear(d,d), ReLU, LayerNorm(d)] in `_decoder`, then `out_layer` Linear(d, n_cls).</summary>
public sealed class ClsDecoder : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _decoder;
    private readonly Linear out_layer;
#pragma warning restore IDE1006

    public ClsDecoder(long dModel, long nCls, int nLayers = 3) : base(nameof(ClsDecoder))
    {
        _decoder = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i < nLayers - 1; i++)
        {
            _decoder.append(nn.Linear(dModel, dModel));
            _decoder.append(nn.ReLU());
            _decoder.append(nn.LayerNorm(dModel));
        }
        out_layer = nn.Linear(dModel, nCls);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => WrappedTensorDisposeScope(() =>
    {
        var x = input;
        foreach (var layer in _decoder) x = layer.forward(x);
        return out_layer.forward(x);
    });
}
