using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

/// <summary>The PyTorch-shaped entry point (TorchSharp's names): factories, global state, free functions.</summary>
public static partial class torch
{
    /// <summary>The dtype factories use when none is given (PyTorch's default).</summary>
    public static ScalarType default_dtype { get; set; } = ScalarType.Float32;

    /// <summary>Seeds libtorch's CPU generator (and every CUDA one), as torch.manual_seed does.</summary>
    public static void manual_seed(long seed)
    {
        Native.Check(NativeMethods.SRTTorch_manual_seed(seed));
    }

    public static void set_num_threads(int threads) => Native.Check(NativeMethods.SRTTorch_set_num_threads(threads));

    public static int get_num_threads() => Native.Check(NativeMethods.SRTTorch_get_num_threads());

    /// <summary>libtorch's version, as torch.__version__ gives it (e.g. "1.13.0"), for provenance.</summary>
    public static string __version__ => System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeMethods.SRTTorch_version())!;

    /// <summary>Native tensor handles alive in this process (all threads); for leak checks.</summary>
    public static long LiveTensorHandles => NativeMethods.SRTTorch_live_tensors();

    // ---- autograd mode ----

    /// <summary>Disables gradient recording until the result is disposed: <c>using var _ = torch.no_grad();</c></summary>
    public static IDisposable no_grad() => new GradModeGuard(false);

    public static IDisposable enable_grad() => new GradModeGuard(true);

    public static IDisposable set_grad_enabled(bool enabled) => new GradModeGuard(enabled);

    public static bool is_grad_enabled() => NativeMethods.SRTTorch_is_grad_enabled() != 0;

    private sealed class GradModeGuard : IDisposable
    {
        private readonly int _previous;
        private bool _disposed;

        public GradModeGuard(bool enabled) => _previous = NativeMethods.SRTTorch_set_grad_enabled(enabled ? 1 : 0);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            NativeMethods.SRTTorch_set_grad_enabled(_previous);
        }
    }

    // ---- dispose scopes ----

    /// <summary>Opens a scope that owns every tensor created on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope() => DisposeScopeManager.Push();

    /// <summary>Runs <paramref name="expr"/> in a fresh scope and keeps only its result.</summary>
    public static Tensor WrappedTensorDisposeScope(Func<Tensor> expr)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(expr());
    }

    // ---- cuda ----

    public static class cuda
    {
        public static bool is_available() => device_count() > 0;

        public static int device_count() => Native.Check(NativeMethods.SRTTorch_cuda_device_count());

        public static void manual_seed_all(long seed) => Native.Check(NativeMethods.SRTTorch_cuda_manual_seed_all(seed));

        public static void synchronize(int device = 0) => Native.Check(NativeMethods.SRTTorch_cuda_synchronize(device));

        /// <summary>
        /// torch.cuda.max_memory_reserved: the most bytes the CUDA caching allocator has held from the driver on
        /// <paramref name="device"/> (default: CUDA device 0) since the process started. Null when unavailable: a shim
        /// built against a CPU libtorch has no allocator statistics, and a machine without a CUDA device allocated none.
        /// </summary>
        public static long? max_memory_reserved(Device? device = null) => MaxMemory(device)?.Reserved;

        /// <summary>torch.cuda.max_memory_allocated: the peak bytes held by tensors on the device; null as above.</summary>
        public static long? max_memory_allocated(Device? device = null) => MaxMemory(device)?.Allocated;

        /// <summary>Whether this shim was built against libc10_cuda, so the two peaks can be measured at all.</summary>
        public static bool has_allocator_stats() => NativeMethods.SRTTorch_cuda_has_allocator_stats() == 1;

        private static (long Reserved, long Allocated)? MaxMemory(Device? device)
        {
            if (device is { type: not DeviceType.CUDA })
                throw new ArgumentException($"torch.cuda memory statistics are for a CUDA device, not {device}", nameof(device));
            var status = NativeMethods.SRTTorch_cuda_max_memory(Math.Max(device?.index ?? 0, 0), out var reserved, out var allocated);
            if (status == 1) return null;
            Native.Check(status);
            return (reserved, allocated);
        }
    }

    // ---- combining ----

    public static Tensor cat(IList<Tensor> tensors, long dim = 0) =>
        new(NativeMethods.SRTTensor_cat(tensors.Select(t => t.Handle).ToArray(), tensors.Count, dim, 0));

    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    public static Tensor stack(IList<Tensor> tensors, long dim = 0) =>
        new(NativeMethods.SRTTensor_cat(tensors.Select(t => t.Handle).ToArray(), tensors.Count, dim, 1));

    public static Tensor where(Tensor condition, Tensor x, Tensor y) => new(NativeMethods.SRTTensor_where(condition.Handle, x.Handle, y.Handle));

    // ---- free-function forms of tensor ops ----

    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);
    public static Tensor mm(Tensor a, Tensor b) => a.mm(b);
    public static Tensor bmm(Tensor a, Tensor b) => a.bmm(b);
    public static Tensor baddbmm(Tensor input, Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => input.baddbmm(batch1, batch2, beta, alpha);
    public static Tensor exp(Tensor t) => t.exp();
    public static Tensor log(Tensor t) => t.log();
    public static Tensor sqrt(Tensor t) => t.sqrt();
    public static Tensor abs(Tensor t) => t.abs();
    public static Tensor relu(Tensor t) => t.relu();
    public static Tensor sigmoid(Tensor t) => t.sigmoid();
    public static Tensor tanh(Tensor t) => t.tanh();
    public static Tensor softmax(Tensor t, long dim) => t.softmax(dim);
    public static Tensor log_softmax(Tensor t, long dim) => t.log_softmax(dim);
    public static Tensor sum(Tensor t) => t.sum();
    public static Tensor mean(Tensor t) => t.mean();
    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);
    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);
    public static Tensor clamp(Tensor t, double? min = null, double? max = null) => t.clamp(min, max);
    public static Tensor pow(Tensor t, double exponent) => t.pow(exponent);
    public static Tensor flatten(Tensor t, long start_dim = 0, long end_dim = -1) => t.flatten(start_dim, end_dim);
    public static Tensor transpose(Tensor t, long dim0, long dim1) => t.transpose(dim0, dim1);
    public static Tensor argmax(Tensor t, long dim, bool keepdim = false) => t.argmax(dim, keepdim);
    public static Tensor tril(Tensor t, long diagonal = 0) => t.tril(diagonal);
    public static Tensor triu(Tensor t, long diagonal = 0) => t.triu(diagonal);
    public static bool allclose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8) => a.allclose(b, rtol, atol);
    public static bool equal(Tensor a, Tensor b) => a.equal(b);
    public static Tensor masked_fill(Tensor t, Tensor mask, double value) => t.masked_fill(mask, value);
}
