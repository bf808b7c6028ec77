using System.Globalization;
using ScRepro.Torch.Modules;
using Xunit;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Tests;

/// <summary>Dispose scopes free every temporary of a step: counters, native handle counts and resident memory.</summary>
public sealed partial class DisposeScopeTests
{
    // glibc keeps freed blocks in its arenas; trimming first makes RSS show memory actually still in use.
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [Fact]
    public void Should_dispose_temporaries_and_keep_moved_results()
    {
        var before = LiveTensorHandles;
        Tensor kept;
        using (var scope = NewDisposeScope())
        {
            var a = ones(3);
            var b = a * 2 + 1;
            kept = (b - a).MoveToOuterDisposeScope();
            Assert.Equal(3, scope.Count);
        }
        Assert.Equal(before + 1, LiveTensorHandles);
        Assert.Equal(new float[] { 2, 2, 2 }, kept.data<float>());
        kept.Dispose();
        Assert.Equal(before, LiveTensorHandles);
    }

    [Fact]
    public void Should_count_created_and_disposed_tensors()
    {
        DisposeScopeManager.Statistics.Reset();
        using (NewDisposeScope())
        {
            using var outer = NewDisposeScope();
            _ = zeros(2) + ones(2);
        }
        var s = DisposeScopeManager.Statistics;
        Assert.Equal(3, s.CreatedInScopeCount);
        Assert.Equal(3, s.DisposedInScopeCount);
        Assert.Equal(0, s.ThreadTotalLiveCount);
    }


    private static long ResidentKiB()
    {
        MallocTrim(0);
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static long ManagedCommittedKiB() => GC.GetGCMemoryInfo().TotalCommittedBytes / 1024;

    [Fact]
    public void Should_keep_resident_memory_flat_over_10000_training_steps()
    {
        // The bar: RSS after step 10,000 within a small margin of RSS after step 1,000, and no native
        // tensor handle left behind by a step. The model is one tiny encoder layer (dropout on, key padding mask)
        // trained with SGD so 10,000 steps stay short; the native side of a step is what a leak would grow.
        manual_seed(7);
        using var model = nn.TransformerEncoderLayer(8, 2, 16, 0.1, batch_first: true);
        var opt = optim.SGD(model.parameters(), 1e-3);
        using var input = randn(2, 6, 8);
        using var target = randn(2, 6, 8);
        using var mask = zeros(2, 6, dtype: ScalarType.Bool);
        mask[1, 4..] = ones(2, dtype: ScalarType.Bool);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long rssAt1000 = 0, handlesAt1000 = 0;
        for (var step = 1; step <= 10_000; step++)
        {
            using (NewDisposeScope())
            {
                opt.zero_grad();
                var loss = functional.mse_loss(model.forward(input, null, mask), target);
                loss.backward();
                opt.step();
            }
            if (step % 1000 == 0) Console.WriteLine($"step {step} rss {ResidentKiB()} gc {ManagedCommittedKiB()} t {sw.Elapsed.TotalSeconds:F1}");
            if (step == 1000)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                rssAt1000 = ResidentKiB();
                handlesAt1000 = LiveTensorHandles;
            }
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssAt10000 = ResidentKiB();
        Assert.Equal(handlesAt1000, LiveTensorHandles);
        Assert.True(rssAt10000 - rssAt1000 < 8 * 1024, $"RSS grew from {rssAt1000} KiB to {rssAt10000} KiB between steps 1,000 and 10,000");
    }
}
