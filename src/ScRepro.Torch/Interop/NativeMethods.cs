using System.Runtime.InteropServices;

namespace ScRepro.Torch.Interop;

/// <summary>
/// P/Invoke declarations for native/include/screpro_torch.h, one line per export, same order.
/// Every call goes through <see cref="Native"/>'s checks; none is used directly by the surface.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Lib = "ScReproTorch";

    // ---- torch ----
    [LibraryImport(Lib)] internal static partial IntPtr SRTTorch_last_error();
    [LibraryImport(Lib)] internal static partial void SRTTorch_free_string(IntPtr s);
    [LibraryImport(Lib)] internal static partial int SRTTorch_manual_seed(long seed);
    [LibraryImport(Lib)] internal static partial int SRTTorch_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int SRTTorch_get_num_threads();
    [LibraryImport(Lib)] internal static partial int SRTTorch_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int SRTTorch_cuda_manual_seed_all(long seed);
    [LibraryImport(Lib)] internal static partial int SRTTorch_cuda_synchronize(int device);
    [LibraryImport(Lib)] internal static partial int SRTTorch_cuda_max_memory(int device, out long reserved, out long allocated);
    [LibraryImport(Lib)] internal static partial int SRTTorch_cuda_has_allocator_stats();
    [LibraryImport(Lib)] internal static partial int SRTTorch_set_grad_enabled(int enabled);
    [LibraryImport(Lib)] internal static partial int SRTTorch_is_grad_enabled();
    [LibraryImport(Lib)] internal static partial int SRTTorch_autocast_enter(int deviceType, int dtype, out int previousEnabled, out int previousDtype);
    [LibraryImport(Lib)] internal static partial int SRTTorch_autocast_exit(int deviceType, int previousEnabled, int previousDtype);
    [LibraryImport(Lib)] internal static partial int SRTTorch_autocast_is_enabled(int deviceType);
    [LibraryImport(Lib)] internal static partial long SRTTorch_live_tensors();
    [LibraryImport(Lib)] internal static partial IntPtr SRTTorch_version();

    // ---- tensor: factories ----
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_empty(long[] shape, int ndim, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_zeros(long[] shape, int ndim, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_ones(long[] shape, int ndim, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_full(long[] shape, int ndim, double value, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_randn(long[] shape, int ndim, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_rand(long[] shape, int ndim, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_randint(long low, long high, long[] shape, int ndim, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_randperm(long n, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_arange(double start, double end, double step, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_linspace(double start, double end, long steps, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_eye(long n, long m, int dtype, int dt, int di);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_from_data(void* data, long[] shape, int ndim, int dtype, int dt, int di, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_zeros_like(IntPtr t, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_ones_like(IntPtr t, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_empty_like(IntPtr t, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_full_like(IntPtr t, double value, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_randn_like(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_rand_like(IntPtr t);

    // ---- tensor: lifetime and properties ----
    [LibraryImport(Lib)] internal static partial void SRTTensor_dispose(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_alias(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_ndim(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_sizes(IntPtr t, long* output, int capacity);
    [LibraryImport(Lib)] internal static partial int SRTTensor_strides(IntPtr t, long* output, int capacity);
    [LibraryImport(Lib)] internal static partial long SRTTensor_numel(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_dtype(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_device_type(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_device_index(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_is_contiguous(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_defined(IntPtr t);
    [LibraryImport(Lib)] internal static partial long SRTTensor_storage_offset(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_item(IntPtr t, out double value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_item_int64(IntPtr t, out long value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_copy_to_host(IntPtr t, void* dst, long nbytes);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_to(IntPtr t, int dtype, int dt, int di, int copy);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_to_string(IntPtr t);

    // ---- tensor: autograd ----
    [LibraryImport(Lib)] internal static partial int SRTTensor_requires_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_set_requires_grad_(IntPtr t, int rg);
    [LibraryImport(Lib)] internal static partial int SRTTensor_is_leaf(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int SRTTensor_set_grad(IntPtr t, IntPtr grad);
    [LibraryImport(Lib)] internal static partial int SRTTensor_backward(IntPtr t, IntPtr gradient, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int SRTTensor_set_data(IntPtr t, IntPtr data);
    [LibraryImport(Lib)] internal static partial int SRTTensor_retain_grad(IntPtr t);

    // ---- tensor: elementwise ----
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_unary(IntPtr t, int op);
    [LibraryImport(Lib)] internal static partial int SRTTensor_unary_(IntPtr t, int op);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_binary(IntPtr a, IntPtr b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial int SRTTensor_binary_(IntPtr a, IntPtr b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_binary_scalar(IntPtr a, double b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial int SRTTensor_binary_scalar_(IntPtr a, double b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_rsub_scalar(IntPtr a, double b);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_rdiv_scalar(IntPtr a, double b);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_addcmul(IntPtr t, IntPtr a, IntPtr b, double value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_addcmul_(IntPtr t, IntPtr a, IntPtr b, double value);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_addcdiv(IntPtr t, IntPtr a, IntPtr b, double value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_addcdiv_(IntPtr t, IntPtr a, IntPtr b, double value);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_clamp(IntPtr t, double min, int hasMin, double max, int hasMax);
    [LibraryImport(Lib)] internal static partial int SRTTensor_clamp_(IntPtr t, double min, int hasMin, double max, int hasMax);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_where(IntPtr cond, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_masked_fill(IntPtr t, IntPtr mask, double value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_masked_fill_(IntPtr t, IntPtr mask, double value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_fill_(IntPtr t, double value);
    [LibraryImport(Lib)] internal static partial int SRTTensor_copy_(IntPtr t, IntPtr src);
    [LibraryImport(Lib)] internal static partial int SRTTensor_uniform_(IntPtr t, double from, double to);
    [LibraryImport(Lib)] internal static partial int SRTTensor_normal_(IntPtr t, double mean, double std);
    [LibraryImport(Lib)] internal static partial int SRTTensor_bernoulli_(IntPtr t, double p);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_gelu(IntPtr t, int tanhApproximation);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_leaky_relu(IntPtr t, double slope);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_pow_tensor(IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_baddbmm(IntPtr t, IntPtr a, IntPtr b, double beta, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_addmm(IntPtr t, IntPtr a, IntPtr b, double beta, double alpha);

    // ---- tensor: reductions ----
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_reduce(IntPtr t, int op, long[]? dims, int ndims, int keepdim, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_var_std(IntPtr t, int isStd, long[]? dims, int ndims, long correction, int keepdim);
    [LibraryImport(Lib)] internal static partial int SRTTensor_max_dim(IntPtr t, long dim, int keepdim, int isMin, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_argmax(IntPtr t, long dim, int hasDim, int keepdim, int isMin);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_softmax(IntPtr t, long dim, int log, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_logsumexp(IntPtr t, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_cumsum(IntPtr t, long dim, int dtype);
    [LibraryImport(Lib)] internal static partial int SRTTensor_topk(IntPtr t, long k, long dim, int largest, int sorted, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial int SRTTensor_sort(IntPtr t, long dim, int descending, int stable, out IntPtr values, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial int SRTTensor_linalg_qr(IntPtr t, int mode, out IntPtr q, out IntPtr r);
    [LibraryImport(Lib)] internal static partial int SRTTensor_allclose(IntPtr a, IntPtr b, double rtol, double atol, int equalNan);
    [LibraryImport(Lib)] internal static partial int SRTTensor_equal(IntPtr a, IntPtr b);

    // ---- tensor: shapes, views, indexing ----
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_view(IntPtr t, long[] shape, int ndim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_reshape(IntPtr t, long[] shape, int ndim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_expand(IntPtr t, long[] shape, int ndim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_repeat(IntPtr t, long[] repeats, int ndim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_permute(IntPtr t, long[] dims, int ndim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_transpose(IntPtr t, long d0, long d1);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_unsqueeze(IntPtr t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_squeeze(IntPtr t, long dim, int hasDim);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_flatten(IntPtr t, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_slice(IntPtr t, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_select(IntPtr t, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_narrow(IntPtr t, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_index_select(IntPtr t, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_gather(IntPtr t, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_scatter(IntPtr t, long dim, IntPtr index, IntPtr src);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_masked_select(IntPtr t, IntPtr mask);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_tril(IntPtr t, long diagonal, int upper);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_cat(IntPtr[] tensors, int n, long dim, int stack);
    [LibraryImport(Lib)] internal static partial int SRTTensor_split(IntPtr t, long[] sizes, int nsizes, long dim, int chunks, IntPtr[] output, int capacity);
    [LibraryImport(Lib)] internal static partial IntPtr SRTTensor_index(IntPtr t, int[] kinds, long[] a, long[] b, long[] c, int[] flags, IntPtr[] tensors, int n);
    [LibraryImport(Lib)] internal static partial int SRTTensor_index_put_(IntPtr t, int[] kinds, long[] a, long[] b, long[] c, int[] flags, IntPtr[] tensors, int n, IntPtr value, double scalar, int useScalar);

    // ---- nn ----
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_linear(IntPtr x, IntPtr w, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_embedding(IntPtr weight, IntPtr indices, long paddingIdx, int scaleGradByFreq);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_layer_norm(IntPtr x, long[] shape, int ndim, IntPtr w, IntPtr b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_batch_norm(IntPtr x, IntPtr w, IntPtr b, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_dropout(IntPtr x, double p, int training);
    [LibraryImport(Lib)] internal static partial int SRTNN_dropout_mask_in_bulk();
    [LibraryImport(Lib)] internal static partial int SRTNN_has_sdpa();
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_scaled_dot_product_attention(IntPtr q, IntPtr k, IntPtr v, IntPtr mask, double p, int causal);
    [LibraryImport(Lib)] internal static partial long SRTNN_sdpa_backend(IntPtr q, IntPtr k, IntPtr v, IntPtr mask, double p, int causal);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_transformer_encoder_layer_fwd(IntPtr src, long embedDim, long numHeads,
        IntPtr qkvWeight, IntPtr qkvBias, IntPtr projWeight, IntPtr projBias, int useGelu, int normFirst, double eps,
        IntPtr normWeight1, IntPtr normBias1, IntPtr normWeight2, IntPtr normBias2,
        IntPtr ffnWeight1, IntPtr ffnBias1, IntPtr ffnWeight2, IntPtr ffnBias2, IntPtr mask, int maskType);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_conv1d(IntPtr x, IntPtr w, IntPtr b, long stride, long padding, long dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_conv2d(IntPtr x, IntPtr w, IntPtr b, long[] stride, long[] padding, long[] dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_mse_loss(IntPtr input, IntPtr target, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_cross_entropy(IntPtr input, IntPtr target, IntPtr weight, int reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_nll_loss(IntPtr input, IntPtr target, IntPtr weight, int reduction, long ignoreIndex);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_bce_with_logits(IntPtr input, IntPtr target, IntPtr weight, IntPtr posWeight, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr SRTNN_pad(IntPtr x, long[] pad, int npad, double value);
}
