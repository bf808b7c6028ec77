using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>
    /// torch.autocast(device_type, dtype): until the result is disposed, ops on this thread that autocast lists
    /// (matmul, linear, …) run in <paramref name="dtype"/> on that device, while reductions and losses stay in float32.
    /// Regions nest; disposing restores the state found on entry. As in PyTorch 1.13, CPU autocast supports bfloat16 only.
    /// </summary>
    public static IDisposable autocast(DeviceType device_type, ScalarType dtype)
    {
        if (device_type == DeviceType.CPU && dtype != ScalarType.BFloat16)
            throw new ArgumentException($"CPU autocast supports bfloat16 only, not {dtype} (as in PyTorch 1.13)", nameof(dtype));
        if (device_type == DeviceType.CUDA && dtype is not (ScalarType.Float16 or ScalarType.BFloat16))
            throw new ArgumentException($"CUDA autocast runs in float16 or bfloat16, not {dtype}", nameof(dtype));
        return new AutocastGuard(device_type, dtype);
    }

    /// <summary>torch.is_autocast_enabled (CUDA) and torch.is_autocast_cpu_enabled, by device.</summary>
    public static bool is_autocast_enabled(DeviceType device_type = DeviceType.CUDA) =>
        Native.Check(NativeMethods.SRTTorch_autocast_is_enabled((int)device_type)) != 0;

    private sealed class AutocastGuard : IDisposable
    {
        private readonly DeviceType _device;
        private readonly int _previousEnabled;
        private readonly int _previousDtype;
        private bool _disposed;

        public AutocastGuard(DeviceType device, ScalarType dtype)
        {
            _device = device;
            Native.Check(NativeMethods.SRTTorch_autocast_enter((int)device, (int)dtype, out _previousEnabled, out _previousDtype));
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Native.Check(NativeMethods.SRTTorch_autocast_exit((int)_device, _previousEnabled, _previousDtype));
        }
    }
}
