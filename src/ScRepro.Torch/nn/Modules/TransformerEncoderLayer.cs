using ScRepro.Torch.Interop;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>Self-attention then feed-forward, each with residual and LayerNorm; post-norm by default, pre-norm with norm_first.</summary>
public sealed class TransformerEncoderLayer : Module<Tensor, Tensor?, Tensor?, Tensor>
{
    // Declaration order is PyTorch's registration order (and so the state_dict order).
    public MultiheadAttention self_attn;
    public Linear linear1;
    public Dropout dropout;
    public Linear linear2;
    public LayerNorm norm1;
    public LayerNorm norm2;
    public Dropout dropout1;
    public Dropout dropout2;

    public TransformerEncoderLayer(long d_model, long nhead, long dim_feedforward = 2048, double dropout = 0.1, string activation = "relu",
        double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false, Device? device = null, ScalarType? dtype = null)
        : base(nameof(TransformerEncoderLayer))
    {
        if (activation is not ("relu" or "gelu")) throw new ArgumentException($"activation should be relu/gelu, not {activation}");
        (this.d_model, this.nhead, this.dim_feedforward, this.dropout_p, this.activation) = (d_model, nhead, dim_feedforward, dropout, activation);
        (this.layer_norm_eps, this.batch_first, this.norm_first, this.device, this.dtype) = (layer_norm_eps, batch_first, norm_first, device, dtype);
        self_attn = new MultiheadAttention(d_model, nhead, dropout, true, batch_first, device, dtype);
        linear1 = new Linear(d_model, dim_feedforward, true, device, dtype);
        this.dropout = new Dropout(dropout);
        linear2 = new Linear(dim_feedforward, d_model, true, device, dtype);
        norm1 = new LayerNorm([d_model], layer_norm_eps, true, device, dtype);
        norm2 = new LayerNorm([d_model], layer_norm_eps, true, device, dtype);
        dropout1 = new Dropout(dropout);
        dropout2 = new Dropout(dropout);
        RegisterComponents();
    }

    public long d_model { get; }
    public long nhead { get; }
    public long dim_feedforward { get; }
    public double dropout_p { get; }
    public string activation { get; }
    public double layer_norm_eps { get; }
    public bool batch_first { get; }
    public bool norm_first { get; }
    internal Device? device { get; }
    internal ScalarType? dtype { get; }

    /// <summary>A new layer with the same configuration and a copy of this one's weights (PyTorch's deepcopy in _get_clones).</summary>
    public TransformerEncoderLayer Clone()
    {
        var copy = new TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout_p, activation, layer_norm_eps, batch_first, norm_first, device, dtype);
        copy.load_state_dict(state_dict());
        copy.train(training);
        return copy;
    }

    /// <summary>
    /// Whether an eval-mode layer outside autograd runs libtorch's fused inference kernel, as PyTorch's own layer does
    /// (its "fast path"): same math, summed in another order (outputs move by ~1e-6). Off unless SCREPRO_TORCH_FASTPATH=1:
    /// on libtorch 1.13's CPU kernels it is no faster (PyTorch's fused vs explicit eval forward 0.98-1.06x, scGPT demo to
    /// 512-wide layers), so the default keeps eval outputs where they were.
    /// </summary>
    public static bool UseFastPath { get; set; } = Environment.GetEnvironmentVariable("SCREPRO_TORCH_FASTPATH") == "1";

    public override Tensor forward(Tensor src, Tensor? src_mask = null, Tensor? src_key_padding_mask = null)
    {
        if (FastPathApplies(src, src_mask, src_key_padding_mask)) return FastPath(src, src_key_padding_mask);
        using var scope = NewDisposeScope();
        var x = src;
        if (norm_first)
        {
            x = x + SelfAttentionBlock(norm1.forward(x), src_mask, src_key_padding_mask);
            x = x + FeedForwardBlock(norm2.forward(x));
        }
        else
        {
            x = norm1.forward(x + SelfAttentionBlock(x, src_mask, src_key_padding_mask));
            x = norm2.forward(x + FeedForwardBlock(x));
        }
        return scope.MoveToOuter(x);
    }

    // PyTorch 1.13's conditions (TransformerEncoderLayer.forward), plus: a bool padding mask only (the kernel's masked
    // softmax takes no float mask) and no CPU autocast either (the kernel would ignore it and run in full precision).
    internal bool FastPathApplies(Tensor src, Tensor? srcMask, Tensor? keyPaddingMask)
    {
        if (!UseFastPath || training || !batch_first || srcMask is not null || nhead % 2 == 1 || src.dim() != 3) return false;
        if (keyPaddingMask is not null && keyPaddingMask.dtype != ScalarType.Bool) return false;
        if (self_attn.in_proj_bias is null || self_attn.out_proj.bias is null || linear1.bias is null || linear2.bias is null
            || norm1.weight is null || norm1.bias is null || norm2.weight is null || norm2.bias is null || norm1.eps != norm2.eps) return false;
        if (src.device_type is not (DeviceType.CPU or DeviceType.CUDA)) return false;
        if (is_autocast_enabled(DeviceType.CUDA) || is_autocast_enabled(DeviceType.CPU)) return false;
        return !is_grad_enabled() || !(src.requires_grad || parameters().Any(p => p.requires_grad));
    }

    private Tensor FastPath(Tensor src, Tensor? keyPaddingMask) =>
        new(NativeMethods.SRTNN_transformer_encoder_layer_fwd(src.Handle, d_model, nhead,
            self_attn.in_proj_weight.Handle, self_attn.in_proj_bias!.Handle, self_attn.out_proj.weight.Handle, self_attn.out_proj.bias!.Handle,
            activation == "gelu" ? 1 : 0, norm_first ? 1 : 0, norm1.eps,
            norm1.weight!.Handle, norm1.bias!.Handle, norm2.weight!.Handle, norm2.bias!.Handle,
            linear1.weight.Handle, linear1.bias!.Handle, linear2.weight.Handle, linear2.bias!.Handle,
            keyPaddingMask?.Handle ?? IntPtr.Zero, keyPaddingMask is null ? -1 : 1));

    private Tensor SelfAttentionBlock(Tensor x, Tensor? mask, Tensor? keyPaddingMask) =>
        dropout1.forward(self_attn.forward(x, x, x, keyPaddingMask, need_weights: false, attn_mask: mask).output);

    private Tensor FeedForwardBlock(Tensor x)
    {
        var h = linear1.forward(x);
        h = activation == "gelu" ? h.gelu() : h.relu();
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }
}
