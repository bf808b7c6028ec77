using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.DeviceChecks;

/// <summary>Which attention the models run here, in words for a report.</summary>
public static class AttentionPath
{
    public static string Describe() => MultiheadAttention.UseFusedAttention
        ? "fused scaled_dot_product_attention (libtorch " + __version__ + ")"
        : nn.functional.scaled_dot_product_attention_available
            ? "explicit softmax(QK^T/sqrt(d))V (fused path turned off by SCREPRO_TORCH_SDPA=0)"
            : "explicit softmax(QK^T/sqrt(d))V (libtorch " + __version__ + " has no scaled_dot_product_attention)";

    /// <summary>
    /// The kernel libtorch picks for one layer's attention of this shape (batch × heads rows, fp16 under autocast on
    /// CUDA), or the explicit path's name when the fused path is off or absent.
    /// </summary>
    public static string Kernel(long batch, long heads, long tokens, long headDim, Device device, bool fp16, bool padded)
    {
        if (!MultiheadAttention.UseFusedAttention) return "explicit (bmm + softmax)";
        using var scope = NewDisposeScope();
        var dtype = fp16 ? ScalarType.Float16 : ScalarType.Float32;
        var q = randn([batch * heads, tokens, headDim], dtype, device);
        var mask = padded ? zeros([batch * heads, 1, tokens], dtype, device) : null;
        return nn.functional.scaled_dot_product_attention_backend(q, q, q, mask) ?? "unknown (libtorch did not say)";
    }
}
