using System.Diagnostics;
using System.Globalization;
using ScRepro.Torch;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Bench;

/// <summary>
/// One training step (forward, MSE loss, backward, Adam) of a 4-layer, 256-wide, 8-head encoder (feed-forward 256,
/// dropout 0.1, batch_first) on 16 × 512 tokens: ScRepro.Torch against the same model in PyTorch on the same
/// libtorch (Debian python3-torch), same thread count, in the same run. Goal: C# at most 5% slower (speedup ≥ 0.95).
/// </summary>
public sealed class TorchBenchmark : IBenchmark
{
    private const int Batch = 16, Tokens = 512, Width = 256, Heads = 8, FeedForward = 256, Layers = 4, TimedSteps = 4;

    public string Name => "torch";

    public void Run(BenchContext context)
    {
        var threads = Environment.ProcessorCount;
        set_num_threads(threads);
        manual_seed(0);
        using var encoder = nn.TransformerEncoder(
            nn.TransformerEncoderLayer(Width, Heads, FeedForward, 0.1, batch_first: true), Layers);
        using var input = randn(Batch, Tokens, Width);
        using var target = randn(Batch, Tokens, Width);
        var optimizer = optim.Adam(encoder.parameters(), lr: 1e-4);

        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = functional.mse_loss(encoder.forward(input, null, null), target);
            loss.backward();
            optimizer.step();
        }

        // Interleave: ours, PyTorch, ours again; the best step of each side is compared, to damp load from others.
        // TimedSteps steps per side (after one warm-up step each), ours split around PyTorch's.
        Step();
        var first = BenchContext.Time(Step, TimedSteps / 2);
        var reference = RunPyTorch(threads);
        var ours = new Timing([.. first.Samples, .. BenchContext.Time(Step, TimedSteps - TimedSteps / 2).Samples]);
        context.Report(Name, $"encoder train step {Layers}x{Width}, {Batch}x{Tokens} tok, {threads} thr", ours, reference, "pytorch 1.13");
        if (reference is { } r)
            Console.WriteLine($"  C# / PyTorch step time: {ours.Best / r.Best:F3}");
    }

    // Debian's python3-torch is the reference: the same libtorch as the shim (BenchContext picks Debian's python3).
    private static Timing? RunPyTorch(int threads) =>
        BenchContext.RunPython(["-c", Script, threads.ToString(CultureInfo.InvariantCulture), TimedSteps.ToString(CultureInfo.InvariantCulture)], BenchContext.ShimAllocator)
            is { } stdout ? Timing.Parse(stdout.Trim().Split('\n')[^1]) : null;

    private const string Script = """
        import sys, time
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        torch.set_num_threads(int(sys.argv[1]))
        torch.manual_seed(0)
        encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(256, 8, 256, 0.1, batch_first=True), 4, enable_nested_tensor=False)
        x = torch.randn(16, 512, 256)
        target = torch.randn(16, 512, 256)
        opt = torch.optim.Adam(encoder.parameters(), lr=1e-4)
        def step():
            opt.zero_grad()
            loss = F.mse_loss(encoder(x), target)
            loss.backward()
            opt.step()
        step()
        runs = []
        for _ in range(int(sys.argv[2])):
            t0 = time.perf_counter()
            step()
            runs.append(time.perf_counter() - t0)
        print(runs)
        """;
}
