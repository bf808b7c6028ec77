using ScRepro.Models.Training;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Training;

/// <summary>
/// The budget table's peak memory line: process RSS on a CPU; torch.cuda.max_memory_reserved on CUDA, or, where the
/// shim cannot measure it (this machine: Debian's CPU libtorch), the host RSS with the reason, never a made-up number.
/// </summary>
public sealed class PeakMemoryTests
{
    [Fact]
    public void Should_report_the_peak_rss_on_a_cpu()
    {
        Assert.Matches(@"^\d+\.\d\d GiB peak RSS \(CPU\)$", PeakMemory.Describe(CPU));
    }

    [Fact]
    public void Should_say_why_max_memory_reserved_is_unavailable_or_report_it()
    {
        var text = PeakMemory.Describe(CUDA);
        if (cuda.has_allocator_stats() && cuda.is_available())
            Assert.Matches(@"^\d+\.\d\d GiB max_memory_reserved on cuda \(\d+\.\d\d GiB max_memory_allocated; \d+\.\d\d GiB peak host RSS\)$", text);
        else
            Assert.Matches(@"^\d+\.\d\d GiB peak host RSS \(max_memory_reserved unavailable: (the shim was built against a libtorch without libc10_cuda|no CUDA device at run time)\)$", text);
    }
}
