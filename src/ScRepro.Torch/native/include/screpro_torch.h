/* ScReproTorch: the C ABI over libtorch that ScRepro.Torch binds to.
 *
 * Rules (see src/ScRepro.Torch/README.md):
 *  - every export is SRT<Area>_<op>; a trailing '_' marks an in-place op;
 *  - handles are opaque; a tensor handle is a heap at::Tensor owned by the caller and freed with SRTTensor_dispose;
 *  - no C++ exception crosses this boundary: a failing call stores libtorch's message in a thread-local slot and
 *    returns NULL (handle results) or -1 (status results); SRTTorch_last_error hands the message over and clears it;
 *  - optional arguments travel as a pointer that may be NULL, or as a value plus a has_* flag.
 */
#ifndef SCREPRO_TORCH_H
#define SCREPRO_TORCH_H

#include <stdint.h>

#if defined(_WIN32)
#define SRT_EXPORT(ret) extern "C" __declspec(dllexport) ret
#else
#define SRT_EXPORT(ret) extern "C" __attribute__((visibility("default"))) ret
#endif

#ifdef __cplusplus
namespace at { class Tensor; }
typedef at::Tensor* srt_tensor;
#else
typedef void* srt_tensor;
#endif

/* ---- torch: errors, global state ---- */
SRT_EXPORT(char*) SRTTorch_last_error(void);            /* NULL when none; free with SRTTorch_free_string */
SRT_EXPORT(void) SRTTorch_free_string(char* s);
SRT_EXPORT(int) SRTTorch_manual_seed(int64_t seed);
SRT_EXPORT(int) SRTTorch_set_num_threads(int n);
SRT_EXPORT(int) SRTTorch_get_num_threads(void);
SRT_EXPORT(int) SRTTorch_cuda_device_count(void);
SRT_EXPORT(int) SRTTorch_cuda_manual_seed_all(int64_t seed);
SRT_EXPORT(int) SRTTorch_cuda_synchronize(int device);
SRT_EXPORT(int) SRTTorch_cuda_max_memory(int device, int64_t* reserved, int64_t* allocated); /* 0 ok, 1 unavailable, -1 error */
SRT_EXPORT(int) SRTTorch_cuda_has_allocator_stats(void);  /* 1 when built against libc10_cuda */
SRT_EXPORT(int) SRTTorch_set_grad_enabled(int enabled); /* returns the previous mode */
SRT_EXPORT(int) SRTTorch_is_grad_enabled(void);
SRT_EXPORT(int) SRTTorch_autocast_enter(int device_type, int dtype, int* previous_enabled, int* previous_dtype);
SRT_EXPORT(int) SRTTorch_autocast_exit(int device_type, int previous_enabled, int previous_dtype);
SRT_EXPORT(int) SRTTorch_autocast_is_enabled(int device_type); /* 1, 0, or -1 on error */
SRT_EXPORT(int64_t) SRTTorch_live_tensors(void);        /* handles created and not yet disposed */
SRT_EXPORT(const char*) SRTTorch_version(void);         /* TORCH_VERSION of the libtorch built against; static, never freed */

/* ---- tensor: factories (dtype = c10::ScalarType code, device_type = c10::DeviceType code) ---- */
SRT_EXPORT(srt_tensor) SRTTensor_empty(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_zeros(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_ones(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_full(const int64_t* shape, int ndim, double value, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_randn(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_rand(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, int dtype, int device_type, int device_index);
SRT_EXPORT(srt_tensor) SRTTensor_randperm(int64_t n, int dtype, int device_type, int device_index);
SRT_EXPORT(srt_tensor) SRTTensor_arange(double start, double end, double step, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_linspace(double start, double end, int64_t steps, int dtype, int device_type, int device_index);
SRT_EXPORT(srt_tensor) SRTTensor_eye(int64_t n, int64_t m, int dtype, int device_type, int device_index);
/* copies nbytes of host data laid out row-major as `dtype` into a new tensor */
SRT_EXPORT(srt_tensor) SRTTensor_from_data(const void* data, const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad);
SRT_EXPORT(srt_tensor) SRTTensor_zeros_like(srt_tensor t, int dtype);   /* dtype -1 = same */
SRT_EXPORT(srt_tensor) SRTTensor_ones_like(srt_tensor t, int dtype);
SRT_EXPORT(srt_tensor) SRTTensor_empty_like(srt_tensor t, int dtype);
SRT_EXPORT(srt_tensor) SRTTensor_full_like(srt_tensor t, double value, int dtype);
SRT_EXPORT(srt_tensor) SRTTensor_randn_like(srt_tensor t);
SRT_EXPORT(srt_tensor) SRTTensor_rand_like(srt_tensor t);

/* ---- tensor: lifetime and properties ---- */
SRT_EXPORT(void) SRTTensor_dispose(srt_tensor t);
SRT_EXPORT(srt_tensor) SRTTensor_alias(srt_tensor t);   /* a second handle to the same tensor */
SRT_EXPORT(int) SRTTensor_ndim(srt_tensor t);
SRT_EXPORT(int) SRTTensor_sizes(srt_tensor t, int64_t* out, int capacity);
SRT_EXPORT(int) SRTTensor_strides(srt_tensor t, int64_t* out, int capacity);
SRT_EXPORT(int64_t) SRTTensor_numel(srt_tensor t);
SRT_EXPORT(int) SRTTensor_dtype(srt_tensor t);
SRT_EXPORT(int) SRTTensor_device_type(srt_tensor t);
SRT_EXPORT(int) SRTTensor_device_index(srt_tensor t);
SRT_EXPORT(int) SRTTensor_is_contiguous(srt_tensor t);
SRT_EXPORT(int) SRTTensor_defined(srt_tensor t);
SRT_EXPORT(int64_t) SRTTensor_storage_offset(srt_tensor t);
SRT_EXPORT(int) SRTTensor_item(srt_tensor t, double* out);
SRT_EXPORT(int) SRTTensor_item_int64(srt_tensor t, int64_t* out);
/* copies the logical (row-major) elements into dst, which holds nbytes */
SRT_EXPORT(int) SRTTensor_copy_to_host(srt_tensor t, void* dst, int64_t nbytes);
SRT_EXPORT(srt_tensor) SRTTensor_to(srt_tensor t, int dtype, int device_type, int device_index, int copy); /* -1 = keep */
SRT_EXPORT(char*) SRTTensor_to_string(srt_tensor t);

/* ---- tensor: autograd ---- */
SRT_EXPORT(int) SRTTensor_requires_grad(srt_tensor t);
SRT_EXPORT(int) SRTTensor_set_requires_grad_(srt_tensor t, int requires_grad);
SRT_EXPORT(int) SRTTensor_is_leaf(srt_tensor t);
SRT_EXPORT(srt_tensor) SRTTensor_grad(srt_tensor t);  /* NULL (and no error) when there is no gradient */
SRT_EXPORT(int) SRTTensor_set_grad(srt_tensor t, srt_tensor grad); /* grad NULL clears it */
SRT_EXPORT(int) SRTTensor_backward(srt_tensor t, srt_tensor gradient, int retain_graph, int create_graph);
SRT_EXPORT(int) SRTTensor_set_data(srt_tensor t, srt_tensor data);
SRT_EXPORT(int) SRTTensor_retain_grad(srt_tensor t);

/* ---- tensor: elementwise ops (scalar variants end in _scalar; '_' suffix = in place, returns the status) ---- */
SRT_EXPORT(srt_tensor) SRTTensor_unary(srt_tensor t, int op);
SRT_EXPORT(int) SRTTensor_unary_(srt_tensor t, int op);
SRT_EXPORT(srt_tensor) SRTTensor_binary(srt_tensor a, srt_tensor b, int op, double alpha);
SRT_EXPORT(int) SRTTensor_binary_(srt_tensor a, srt_tensor b, int op, double alpha);
SRT_EXPORT(srt_tensor) SRTTensor_binary_scalar(srt_tensor a, double b, int op, double alpha);
SRT_EXPORT(int) SRTTensor_binary_scalar_(srt_tensor a, double b, int op, double alpha);
SRT_EXPORT(srt_tensor) SRTTensor_rsub_scalar(srt_tensor a, double b);
SRT_EXPORT(srt_tensor) SRTTensor_rdiv_scalar(srt_tensor a, double b);
SRT_EXPORT(srt_tensor) SRTTensor_addcmul(srt_tensor t, srt_tensor a, srt_tensor b, double value);
SRT_EXPORT(int) SRTTensor_addcmul_(srt_tensor t, srt_tensor a, srt_tensor b, double value);
SRT_EXPORT(srt_tensor) SRTTensor_addcdiv(srt_tensor t, srt_tensor a, srt_tensor b, double value);
SRT_EXPORT(int) SRTTensor_addcdiv_(srt_tensor t, srt_tensor a, srt_tensor b, double value);
SRT_EXPORT(srt_tensor) SRTTensor_clamp(srt_tensor t, double min, int has_min, double max, int has_max);
SRT_EXPORT(int) SRTTensor_clamp_(srt_tensor t, double min, int has_min, double max, int has_max);
SRT_EXPORT(srt_tensor) SRTTensor_where(srt_tensor cond, srt_tensor a, srt_tensor b);
SRT_EXPORT(srt_tensor) SRTTensor_masked_fill(srt_tensor t, srt_tensor mask, double value);
SRT_EXPORT(int) SRTTensor_masked_fill_(srt_tensor t, srt_tensor mask, double value);
SRT_EXPORT(int) SRTTensor_fill_(srt_tensor t, double value);
SRT_EXPORT(int) SRTTensor_copy_(srt_tensor t, srt_tensor src);
SRT_EXPORT(int) SRTTensor_uniform_(srt_tensor t, double from, double to);
SRT_EXPORT(int) SRTTensor_normal_(srt_tensor t, double mean, double std);
SRT_EXPORT(int) SRTTensor_bernoulli_(srt_tensor t, double p);
SRT_EXPORT(srt_tensor) SRTTensor_gelu(srt_tensor t, int tanh_approximation);
SRT_EXPORT(srt_tensor) SRTTensor_leaky_relu(srt_tensor t, double slope);
SRT_EXPORT(srt_tensor) SRTTensor_pow_tensor(srt_tensor a, srt_tensor b);
SRT_EXPORT(srt_tensor) SRTTensor_baddbmm(srt_tensor t, srt_tensor a, srt_tensor b, double beta, double alpha);
SRT_EXPORT(srt_tensor) SRTTensor_addmm(srt_tensor t, srt_tensor a, srt_tensor b, double beta, double alpha);

/* ---- tensor: reductions (dims NULL / ndims 0 = all) ---- */
SRT_EXPORT(srt_tensor) SRTTensor_reduce(srt_tensor t, int op, const int64_t* dims, int ndims, int keepdim, int dtype);
SRT_EXPORT(srt_tensor) SRTTensor_var_std(srt_tensor t, int is_std, const int64_t* dims, int ndims, int64_t correction, int keepdim);
SRT_EXPORT(int) SRTTensor_max_dim(srt_tensor t, int64_t dim, int keepdim, int is_min, srt_tensor* values, srt_tensor* indices);
SRT_EXPORT(srt_tensor) SRTTensor_argmax(srt_tensor t, int64_t dim, int has_dim, int keepdim, int is_min);
SRT_EXPORT(srt_tensor) SRTTensor_softmax(srt_tensor t, int64_t dim, int log, int dtype);
SRT_EXPORT(srt_tensor) SRTTensor_logsumexp(srt_tensor t, int64_t dim, int keepdim);
SRT_EXPORT(srt_tensor) SRTTensor_cumsum(srt_tensor t, int64_t dim, int dtype);
SRT_EXPORT(int) SRTTensor_topk(srt_tensor t, int64_t k, int64_t dim, int largest, int sorted, srt_tensor* values, srt_tensor* indices);
SRT_EXPORT(int) SRTTensor_sort(srt_tensor t, int64_t dim, int descending, int stable, srt_tensor* values, srt_tensor* indices);
/* torch.linalg.qr(t, mode): mode 0 "reduced", 1 "complete", 2 "r" (q is then an empty tensor) */
SRT_EXPORT(int) SRTTensor_linalg_qr(srt_tensor t, int mode, srt_tensor* q, srt_tensor* r);
SRT_EXPORT(int) SRTTensor_allclose(srt_tensor a, srt_tensor b, double rtol, double atol, int equal_nan);
SRT_EXPORT(int) SRTTensor_equal(srt_tensor a, srt_tensor b);

/* ---- tensor: shapes, views and indexing ---- */
SRT_EXPORT(srt_tensor) SRTTensor_view(srt_tensor t, const int64_t* shape, int ndim);
SRT_EXPORT(srt_tensor) SRTTensor_reshape(srt_tensor t, const int64_t* shape, int ndim);
SRT_EXPORT(srt_tensor) SRTTensor_expand(srt_tensor t, const int64_t* shape, int ndim);
SRT_EXPORT(srt_tensor) SRTTensor_repeat(srt_tensor t, const int64_t* repeats, int ndim);
SRT_EXPORT(srt_tensor) SRTTensor_permute(srt_tensor t, const int64_t* dims, int ndim);
SRT_EXPORT(srt_tensor) SRTTensor_transpose(srt_tensor t, int64_t d0, int64_t d1);
SRT_EXPORT(srt_tensor) SRTTensor_unsqueeze(srt_tensor t, int64_t dim);
SRT_EXPORT(srt_tensor) SRTTensor_squeeze(srt_tensor t, int64_t dim, int has_dim);
SRT_EXPORT(srt_tensor) SRTTensor_flatten(srt_tensor t, int64_t start, int64_t end);
SRT_EXPORT(srt_tensor) SRTTensor_slice(srt_tensor t, int64_t dim, int64_t start, int64_t end, int64_t step);
SRT_EXPORT(srt_tensor) SRTTensor_select(srt_tensor t, int64_t dim, int64_t index);
SRT_EXPORT(srt_tensor) SRTTensor_narrow(srt_tensor t, int64_t dim, int64_t start, int64_t length);
SRT_EXPORT(srt_tensor) SRTTensor_index_select(srt_tensor t, int64_t dim, srt_tensor index);
SRT_EXPORT(srt_tensor) SRTTensor_gather(srt_tensor t, int64_t dim, srt_tensor index);
SRT_EXPORT(srt_tensor) SRTTensor_scatter(srt_tensor t, int64_t dim, srt_tensor index, srt_tensor src);
SRT_EXPORT(srt_tensor) SRTTensor_masked_select(srt_tensor t, srt_tensor mask);
SRT_EXPORT(srt_tensor) SRTTensor_tril(srt_tensor t, int64_t diagonal, int upper);
SRT_EXPORT(srt_tensor) SRTTensor_cat(const srt_tensor* ts, int n, int64_t dim, int stack);
/* splits t into pieces; handles go to out (capacity entries); returns the piece count or -1 */
SRT_EXPORT(int) SRTTensor_split(srt_tensor t, const int64_t* sizes, int nsizes, int64_t dim, int chunks, srt_tensor* out, int capacity);
/* Python-style indexing: kinds 0=int 1=slice 2=None 3=Ellipsis 4=bool 5=tensor;
 * for slices a/b/c are start/stop/step with flags bit0=has start, bit1=has stop */
SRT_EXPORT(srt_tensor) SRTTensor_index(srt_tensor t, const int* kinds, const int64_t* a, const int64_t* b, const int64_t* c,
                                       const int* flags, const srt_tensor* tensors, int n);
SRT_EXPORT(int) SRTTensor_index_put_(srt_tensor t, const int* kinds, const int64_t* a, const int64_t* b, const int64_t* c,
                                     const int* flags, const srt_tensor* tensors, int n, srt_tensor value, double scalar, int use_scalar);

/* ---- nn: functional ops (optional tensors may be NULL) ---- */
SRT_EXPORT(srt_tensor) SRTNN_linear(srt_tensor x, srt_tensor w, srt_tensor b);
SRT_EXPORT(srt_tensor) SRTNN_embedding(srt_tensor weight, srt_tensor indices, int64_t padding_idx, int scale_grad_by_freq);
SRT_EXPORT(srt_tensor) SRTNN_layer_norm(srt_tensor x, const int64_t* shape, int ndim, srt_tensor w, srt_tensor b, double eps);
SRT_EXPORT(srt_tensor) SRTNN_batch_norm(srt_tensor x, srt_tensor w, srt_tensor b, srt_tensor running_mean, srt_tensor running_var,
                                        int training, double momentum, double eps);
SRT_EXPORT(srt_tensor) SRTNN_dropout(srt_tensor x, double p, int training);
/* Fused attention (libtorch >= 2.0): softmax(q kᵀ / sqrt(E) + mask) v over the last two dims. SRTNN_has_sdpa says whether
   this build has it; on 1.x SRTNN_scaled_dot_product_attention fails with a message naming the version. */
SRT_EXPORT(int) SRTNN_has_sdpa(void);
SRT_EXPORT(srt_tensor) SRTNN_scaled_dot_product_attention(srt_tensor q, srt_tensor k, srt_tensor v, srt_tensor mask, double p, int causal);
/* The kernel SDPA would choose for these inputs (sdp::SDPBackend: 0 math, 1 flash, 2 efficient, 3 cudnn, 4 overrideable),
   or -1 with the error set. */
SRT_EXPORT(int64_t) SRTNN_sdpa_backend(srt_tensor q, srt_tensor k, srt_tensor v, srt_tensor mask, double p, int causal);
/* PyTorch's fused eval-mode encoder layer (at::_transformer_encoder_layer_fwd, inference only: no autograd graph);
   mask: (B, S) bool key padding mask with mask_type 1, or NULL with mask_type -1. */
SRT_EXPORT(srt_tensor) SRTNN_transformer_encoder_layer_fwd(srt_tensor src, int64_t embed_dim, int64_t num_heads,
    srt_tensor qkv_weight, srt_tensor qkv_bias, srt_tensor proj_weight, srt_tensor proj_bias, int use_gelu, int norm_first,
    double eps, srt_tensor norm_weight_1, srt_tensor norm_bias_1, srt_tensor norm_weight_2, srt_tensor norm_bias_2,
    srt_tensor ffn_weight_1, srt_tensor ffn_bias_1, srt_tensor ffn_weight_2, srt_tensor ffn_bias_2, srt_tensor mask, int mask_type);
SRT_EXPORT(srt_tensor) SRTNN_conv1d(srt_tensor x, srt_tensor w, srt_tensor b, int64_t stride, int64_t padding, int64_t dilation, int64_t groups);
/* stride/padding/dilation: two values each (height, width) */
SRT_EXPORT(srt_tensor) SRTNN_conv2d(srt_tensor x, srt_tensor w, srt_tensor b, const int64_t* stride, const int64_t* padding,
                                    const int64_t* dilation, int64_t groups);
SRT_EXPORT(srt_tensor) SRTNN_mse_loss(srt_tensor input, srt_tensor target, int reduction);
SRT_EXPORT(srt_tensor) SRTNN_cross_entropy(srt_tensor input, srt_tensor target, srt_tensor weight, int reduction,
                                           int64_t ignore_index, double label_smoothing);
SRT_EXPORT(srt_tensor) SRTNN_nll_loss(srt_tensor input, srt_tensor target, srt_tensor weight, int reduction, int64_t ignore_index);
SRT_EXPORT(srt_tensor) SRTNN_bce_with_logits(srt_tensor input, srt_tensor target, srt_tensor weight, srt_tensor pos_weight, int reduction);
SRT_EXPORT(srt_tensor) SRTNN_pad(srt_tensor x, const int64_t* pad, int npad, double value);

#endif
