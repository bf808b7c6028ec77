// Functional neural-network ops; modules are written in C# over these (see src/ScRepro.Torch/nn/).
#include "shim.h"
#include <torch/csrc/api/include/torch/version.h>

using srt::opt;

SRT_EXPORT(srt_tensor) SRTNN_linear(srt_tensor x, srt_tensor w, srt_tensor b) { SRT_TENSOR(at::linear(*x, *w, opt(b))) }

SRT_EXPORT(srt_tensor) SRTNN_embedding(srt_tensor weight, srt_tensor indices, int64_t padding_idx, int scale_grad_by_freq)
{
    SRT_TENSOR(at::embedding(*weight, *indices, padding_idx, scale_grad_by_freq != 0, false))
}

SRT_EXPORT(srt_tensor) SRTNN_layer_norm(srt_tensor x, const int64_t* shape, int ndim, srt_tensor w, srt_tensor b, double eps)
{
    SRT_TENSOR(at::layer_norm(*x, srt::dims(shape, ndim), opt(w), opt(b), eps))
}

SRT_EXPORT(srt_tensor) SRTNN_batch_norm(srt_tensor x, srt_tensor w, srt_tensor b, srt_tensor rm, srt_tensor rv,
                                        int training, double momentum, double eps)
{
    SRT_TENSOR(at::batch_norm(*x, opt(w), opt(b), opt(rm), opt(rv), training != 0, momentum, eps, true))
}

SRT_EXPORT(srt_tensor) SRTNN_dropout(srt_tensor x, double p, int training) { SRT_TENSOR(srt::dropout(*x, p, training != 0)) }

// scaled_dot_product_attention became public in libtorch 2.0 (1.13 has only a private, differently shaped variant), so
// the same source builds against Debian's 1.13 and a CUDA 2.x: the C# side asks SRTNN_has_sdpa before using it.
SRT_EXPORT(int) SRTNN_has_sdpa(void) { return TORCH_VERSION_MAJOR >= 2 ? 1 : 0; }

SRT_EXPORT(srt_tensor) SRTNN_scaled_dot_product_attention(srt_tensor q, srt_tensor k, srt_tensor v, srt_tensor mask, double p, int causal)
{
#if TORCH_VERSION_MAJOR >= 2
    SRT_TENSOR(at::scaled_dot_product_attention(*q, *k, *v, opt(mask), p, causal != 0))
#else
    (void)q; (void)k; (void)v; (void)mask; (void)p; (void)causal;
    srt::set_last_error("scaled_dot_product_attention needs libtorch >= 2.0; this shim was built against libtorch " TORCH_VERSION);
    return nullptr;
#endif
}

SRT_EXPORT(int64_t) SRTNN_sdpa_backend(srt_tensor q, srt_tensor k, srt_tensor v, srt_tensor mask, double p, int causal)
{
#if TORCH_VERSION_MAJOR >= 2
    SRT_VALUE(at::_fused_sdp_choice(*q, *k, *v, opt(mask), p, causal != 0), -1)
#else
    (void)q; (void)k; (void)v; (void)mask; (void)p; (void)causal;
    srt::set_last_error("scaled_dot_product_attention needs libtorch >= 2.0; this shim was built against libtorch " TORCH_VERSION);
    return -1;
#endif
}

// The fused inference kernel PyTorch's eval-mode nn.TransformerEncoderLayer calls when no gradient is recorded (same
// name and arguments in 1.13 and 2.x). mask: a (B, S) bool key padding mask with mask_type 1, or NULL with mask_type -1.
SRT_EXPORT(srt_tensor) SRTNN_transformer_encoder_layer_fwd(srt_tensor src, int64_t embed_dim, int64_t num_heads,
    srt_tensor qkv_weight, srt_tensor qkv_bias, srt_tensor proj_weight, srt_tensor proj_bias, int use_gelu, int norm_first,
    double eps, srt_tensor norm_weight_1, srt_tensor norm_bias_1, srt_tensor norm_weight_2, srt_tensor norm_bias_2,
    srt_tensor ffn_weight_1, srt_tensor ffn_bias_1, srt_tensor ffn_weight_2, srt_tensor ffn_bias_2, srt_tensor mask, int mask_type)
{
    SRT_TENSOR(at::_transformer_encoder_layer_fwd(*src, embed_dim, num_heads, *qkv_weight, *qkv_bias, *proj_weight, *proj_bias,
        use_gelu != 0, norm_first != 0, eps, *norm_weight_1, *norm_bias_1, *norm_weight_2, *norm_bias_2,
        *ffn_weight_1, *ffn_bias_1, *ffn_weight_2, *ffn_bias_2, opt(mask),
        mask_type < 0 ? c10::optional<int64_t>() : c10::optional<int64_t>(mask_type)))
}

SRT_EXPORT(srt_tensor) SRTNN_conv1d(srt_tensor x, srt_tensor w, srt_tensor b, int64_t stride, int64_t padding, int64_t dilation, int64_t groups)
{
    SRT_TENSOR(at::conv1d(*x, *w, opt(b), {stride}, {padding}, {dilation}, groups))
}

SRT_EXPORT(srt_tensor) SRTNN_conv2d(srt_tensor x, srt_tensor w, srt_tensor b, const int64_t* stride, const int64_t* padding,
                                    const int64_t* dilation, int64_t groups)
{
    SRT_TENSOR(at::conv2d(*x, *w, opt(b), srt::dims(stride, 2), srt::dims(padding, 2), srt::dims(dilation, 2), groups))
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction's codes)
SRT_EXPORT(srt_tensor) SRTNN_mse_loss(srt_tensor input, srt_tensor target, int reduction)
{
    SRT_TENSOR(at::mse_loss(*input, *target, reduction))
}

SRT_EXPORT(srt_tensor) SRTNN_cross_entropy(srt_tensor input, srt_tensor target, srt_tensor weight, int reduction,
                                           int64_t ignore_index, double label_smoothing)
{
    SRT_TENSOR(at::cross_entropy_loss(*input, *target, opt(weight), reduction, ignore_index, label_smoothing))
}

SRT_EXPORT(srt_tensor) SRTNN_nll_loss(srt_tensor input, srt_tensor target, srt_tensor weight, int reduction, int64_t ignore_index)
{
    SRT_TENSOR(at::nll_loss_nd(*input, *target, opt(weight), reduction, ignore_index))
}

SRT_EXPORT(srt_tensor) SRTNN_bce_with_logits(srt_tensor input, srt_tensor target, srt_tensor weight, srt_tensor pos_weight, int reduction)
{
    SRT_TENSOR(at::binary_cross_entropy_with_logits(*input, *target, opt(weight), opt(pos_weight), reduction))
}

SRT_EXPORT(srt_tensor) SRTNN_pad(srt_tensor x, const int64_t* pad, int npad, double value)
{
    SRT_TENSOR(at::constant_pad_nd(*x, srt::dims(pad, npad), value))
}
