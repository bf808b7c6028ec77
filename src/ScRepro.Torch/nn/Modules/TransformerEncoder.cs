using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>A stack of encoder layers (layers.0 …), each a copy of the given layer as PyTorch makes them, plus an optional final norm.</summary>
public sealed class TransformerEncoder : Module<Tensor, Tensor?, Tensor?, Tensor>
{
    public ModuleList<TransformerEncoderLayer> layers;
    public LayerNorm? norm;

    public TransformerEncoder(TransformerEncoderLayer encoder_layer, long num_layers, LayerNorm? norm = null) : base(nameof(TransformerEncoder))
    {
        layers = new ModuleList<TransformerEncoderLayer>();
        for (var i = 0; i < num_layers; i++) layers.append(encoder_layer.Clone());
        this.norm = norm;
        RegisterComponents();
    }

    public long num_layers => layers.Count;

    public override Tensor forward(Tensor src, Tensor? mask = null, Tensor? src_key_padding_mask = null)
    {
        if (src_key_padding_mask is not null && src_key_padding_mask.dtype != ScalarType.Bool && !src_key_padding_mask.is_floating_point())
            throw new ArgumentException("only bool and floating types of key_padding_mask are supported");
        using var scope = NewDisposeScope();
        var output = src;
        foreach (var layer in layers) output = layer.forward(output, mask, src_key_padding_mask);
        if (norm is not null) output = norm.forward(output);
        return scope.MoveToOuter(ReferenceEquals(output, src) ? src.alias() : output);
    }
}
