using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>
/// torch.cuda.max_memory_reserved/allocated through the shim. Here (Debian's CPU libtorch 1.13, no libc10_cuda) the
/// statistics must come back as "unavailable" (null), not as an exception or a made-up 0; on a CUDA build with a
/// device the peaks must cover a tensor of known size.
/// </summary>
public sealed class CudaMemoryTests
{
    // Debian's libtorch-dev ships no libc10_cuda (the oracle for "this is a CPU build"); a CUDA build links it.
    private static bool DebianCpuLibtorch =>
        File.Exists("/usr/lib/x86_64-linux-gnu/libc10.so") && !File.Exists("/usr/lib/x86_64-linux-gnu/libc10_cuda.so");

    [Fact]
    public void Should_report_the_peaks_as_unavailable_without_cuda_allocator_statistics()
    {
        if (cuda.has_allocator_stats() && cuda.is_available()) return;   // a CUDA machine: the next test covers it
        if (DebianCpuLibtorch) Assert.False(cuda.has_allocator_stats());
        Assert.Null(cuda.max_memory_reserved());
        Assert.Null(cuda.max_memory_allocated(new Device("cuda:0")));
        // Asked twice, still clean: an unavailable answer leaves no error behind for the next call to pick up.
        Assert.Null(cuda.max_memory_reserved(CUDA));
        using var t = zeros(2);
        Assert.Equal(2, t.numel());
    }

    [Fact]
    public void Should_refuse_a_cpu_device_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => cuda.max_memory_reserved(CPU));
        Assert.Contains("not cpu", e.Message);
    }

    [Fact]
    public void Should_measure_at_least_a_64_MiB_tensor_on_a_cuda_device()
    {
        if (!cuda.has_allocator_stats() || !cuda.is_available()) return;   // only meaningful on a CUDA build with a GPU
        const long bytes = 64L << 20;   // 16 Mi float32 elements
        using (var t = zeros([bytes / 4], device: CUDA)) cuda.synchronize();
        Assert.True(cuda.max_memory_allocated(CUDA) >= bytes);
        Assert.True(cuda.max_memory_reserved(CUDA) >= cuda.max_memory_allocated(CUDA));
    }
}
