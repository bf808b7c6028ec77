using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.DeviceChecks;

/// <summary>
/// fp16 autocast with loss scaling over a run of steps: on CUDA the forward output must be float16, every loss finite,
/// at most a few steps skipped (GradScaler's first steps at scale 2^16 may overflow, then it backs off), and the loss
/// must fall. On a CPU the tutorials' amp trains in float32 (PyTorch's GradScaler disables itself there), which the
/// check reports rather than fails, so the same command serves as the CPU dry run.
/// </summary>
public sealed record AmpCheck(
    string Device, string Libtorch, string Shape, string Precision, int Steps, int Skipped, string OutputDtype,
    double? FinalLossScale, IReadOnlyList<double> Losses, bool Passed, IReadOnlyList<string> Problems)
{
    /// <summary>More skipped steps than this means the scale never settled.</summary>
    public const int MaxSkipped = 10;

    public static AmpCheck Run(StepShape shape, Device device, int steps, long seed)
    {
        using var runner = new GeneratorSteps(shape, device, amp: true, seed);
        var outcomes = Enumerable.Range(0, steps).Select(_ => runner.Step()).ToList();
        var problems = new List<string>();
        var cuda = device.type == DeviceType.CUDA;
        var dtype = outcomes.Count > 0 ? outcomes[^1].OutputDtype : "none";
        if (cuda && dtype != nameof(ScalarType.Float16))
            problems.Add($"the forward output under autocast is {dtype}, not Float16");
        if (!cuda && dtype != nameof(ScalarType.Float32))
            problems.Add($"on a CPU the forward output should stay Float32 (amp trains in fp32 there), got {dtype}");
        var finite = outcomes.Where(o => o.Stepped).Select(o => o.Loss).ToList();
        if (finite.Any(l => !double.IsFinite(l))) problems.Add("a step that was taken had a non-finite loss");
        var skipped = outcomes.Count(o => !o.Stepped);
        if (skipped > MaxSkipped) problems.Add($"{skipped} of {steps} steps were skipped for overflow (at most {MaxSkipped} expected)");
        var tenth = Math.Max(1, finite.Count / 10);
        if (finite.Count >= 2 && !(finite.TakeLast(tenth).Average() < finite.Take(tenth).Average()))
            problems.Add($"the loss did not fall: first {tenth} mean {finite.Take(tenth).Average():G4}, last {tenth} mean {finite.TakeLast(tenth).Average():G4}");
        if (finite.Count < 2) problems.Add("fewer than two steps were taken");
        return new AmpCheck(device.ToString(), torch.__version__, shape.ToString(), runner.Precision, steps, skipped, dtype,
            runner.LossScale, outcomes.Select(o => o.Loss).ToList(), problems.Count == 0, problems);
    }
}
