using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>
/// scGPT's AffineExprDecoder (2024 generator; activation None, adaptive_bias False): two ExprDecoders give a per-gene
/// coefficient and bias, and the prediction is coeff × input value + bias (spec §1.3 step 7).
/// </summary>
public sealed class AffineExprDecoder : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly ExprDecoder coeff_decoder;
    private readonly ExprDecoder bias_decoder;
#pragma warning restore IDE1006

    public AffineExprDecoder(long dModel) : base(nameof(AffineExprDecoder))
    {
        coeff_decoder = new ExprDecoder(dModel);
        bias_decoder = new ExprDecoder(dModel);
        RegisterComponents();
    }

    /// <param name="hidden">(B, S, d) transformer output.</param>
    /// <param name="values">(B, S) the input expression values (not clamped).</param>
    public override Tensor forward(Tensor hidden, Tensor values) => WrappedTensorDisposeScope(() =>
        coeff_decoder.forward(hidden) * values + bias_decoder.forward(hidden));
}
