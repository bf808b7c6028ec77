using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.DeviceChecks;

/// <summary>Seconds per fine-tuning step of the generator at a given size, on one device, with the kernel attention used.</summary>
public sealed record StepTiming(
    string Device, string Libtorch, string Shape, string Precision, string Attention, string AttentionKernel,
    IReadOnlyList<double> StepSeconds, double BestSeconds, double MedianSeconds, IReadOnlyList<double> Losses)
{
    /// <summary>Warm-up steps (allocator, kernel selection, cuDNN/cuBLAS handles) are taken and not counted.</summary>
    public static StepTiming Measure(StepShape shape, Device device, bool amp, int warmup, int steps, long seed)
    {
        using var runner = new GeneratorSteps(shape, device, amp, seed);
        var losses = new List<double>();
        for (var i = 0; i < warmup; i++) losses.Add(runner.Step().Loss);
        var seconds = new List<double>();
        for (var i = 0; i < steps; i++)
        {
            var s = runner.Step();
            seconds.Add(s.Seconds);
            losses.Add(s.Loss);
        }
        var sorted = seconds.Order().ToArray();
        var median = sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var fp16 = amp && device.type == DeviceType.CUDA;
        var kernel = AttentionPath.Kernel(shape.Batch, shape.NHead, shape.Tokens, shape.DModel / shape.NHead, device, fp16, padded: false);
        return new StepTiming(device.ToString(), __version__, shape.ToString(), runner.Precision, AttentionPath.Describe(), kernel,
            seconds, sorted.Length == 0 ? double.NaN : sorted[0], median, losses);
    }
}
