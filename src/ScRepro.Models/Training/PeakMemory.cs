using System.Diagnostics;
using ScRepro.Torch;

namespace ScRepro.Models.Training;

/// <summary>
/// The budget table's peak memory. On a CPU it is the process's peak resident set (VmHWM, the whole process: data,
/// tokens and libtorch's allocations together). On CUDA it is the figure the imbalance study reports,
/// torch.cuda.max_memory_reserved (what the caching allocator held from the driver), with max_memory_allocated (what
/// tensors held) and the host RSS beside it; a shim built without the allocator's statistics says so instead.
/// </summary>
public static class PeakMemory
{
    private const double GiB = 1024.0 * 1024 * 1024;

    public static string Describe(torch.Device device)
    {
        var rss = Process.GetCurrentProcess().PeakWorkingSet64 / GiB;
        if (device.type != DeviceType.CUDA) return $"{rss:F2} GiB peak RSS (CPU)";
        return torch.cuda.max_memory_reserved(device) is { } reserved
            ? $"{reserved / GiB:F2} GiB max_memory_reserved on {device} ({torch.cuda.max_memory_allocated(device)!.Value / GiB:F2} GiB max_memory_allocated; {rss:F2} GiB peak host RSS)"
            : $"{rss:F2} GiB peak host RSS (max_memory_reserved unavailable: {UnavailableReason()})";
    }

    private static string UnavailableReason() => torch.cuda.has_allocator_stats()
        ? "no CUDA device at run time"
        : "the shim was built against a libtorch without libc10_cuda";
}
