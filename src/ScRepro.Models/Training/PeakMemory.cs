using System.Diagnostics;
using ScRepro.Torch;

namespace ScRepro.Models.Training;

/// <summary>
/// The budget table's peak memory. On a CPU it is the process's peak resident set (VmHWM, the whole process: data,
/// tokens and libtorch's allocations together). The CUDA figure the imbalance study reports
/// (torch.cuda.max_memory_reserved) needs the caching allocator's statistics, which the shim does not expose yet: a
/// GPU run reports the host RSS and says so.
/// </summary>
public static class PeakMemory
{
    public static string Describe(torch.Device device)
    {
        var rss = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        return device.type == DeviceType.CUDA
            ? $"{rss:F2} GiB peak host RSS (max_memory_reserved not measured: the shim has no CUDA allocator statistics)"
            : $"{rss:F2} GiB peak RSS (CPU)";
    }
}
