using ScRepro.Models.Training;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Training;

/// <summary>
/// The loss scale follows torch.cuda.amp.GradScaler's defaults (torch/cuda/amp/grad_scaler.py, 1.13: init_scale 2**16,
/// growth_factor 2.0, backoff_factor 0.5, growth_interval 2000). It runs on CPU tensors here: the arithmetic is the same.
/// </summary>
public sealed class LossScalerTests
{
    private static (Parameter W, Tensor X) Problem()
    {
        var w = new Parameter(tensor(new float[] { 0.5f, -1.25f, 2f }, [3]));
        return (w, tensor(new float[] { 3e-3f, 7f, -0.1f }, [3]));
    }

    [Fact]
    public void Should_give_the_unscaled_gradients_exactly()
    {
        using var scope = NewDisposeScope();
        var (w, x) = Problem();
        ((w * x).sum() * (w * x).sum()).backward();
        var exact = w.grad!.data<float>().ToArray();
        w.grad!.zero_();
        var scaler = new LossScaler();
        scaler.Scale(((w * x).sum() * (w * x).sum())).backward();
        Assert.Equal(exact.Select(g => g * 65536f), w.grad!.data<float>().ToArray());
        scaler.Unscale([w]);
        // The scale is a power of two, so scaling and unscaling are exact.
        Assert.Equal(exact, w.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Should_skip_an_overflowed_step_and_halve_the_scale()
    {
        using var scope = NewDisposeScope();
        var (w, _) = Problem();
        var before = w.data<float>().ToArray();
        w.grad = ones(3);
        var optimizer = optim.Adam([w], lr: 0.1);
        var scaler = new LossScaler(new LossScaleState(65536, 7));
        Assert.False(scaler.StepAndUpdate(optimizer, double.PositiveInfinity));
        Assert.Equal(before, w.data<float>().ToArray());
        Assert.Equal(new LossScaleState(32768, 0), scaler.State);
        Assert.False(scaler.StepAndUpdate(optimizer, double.NaN));
        Assert.Equal(new LossScaleState(16384, 0), scaler.State);
        Assert.True(scaler.StepAndUpdate(optimizer, 1.0));
        Assert.NotEqual(before, w.data<float>().ToArray());
        Assert.Equal(new LossScaleState(16384, 1), scaler.State);
    }

    [Fact]
    public void Should_double_the_scale_after_2000_clean_steps()
    {
        using var scope = NewDisposeScope();
        var (w, _) = Problem();
        w.grad = ones(3);
        var optimizer = optim.Adam([w], lr: 0.0);
        var scaler = new LossScaler();
        for (var i = 0; i < 1999; i++) Assert.True(scaler.StepAndUpdate(optimizer, 1.0));
        Assert.Equal(new LossScaleState(65536, 1999), scaler.State);
        scaler.StepAndUpdate(optimizer, 1.0);
        Assert.Equal(new LossScaleState(131072, 0), scaler.State);
        // A checkpointed state continues where it was.
        var resumed = new LossScaler(new LossScaleState(1024, 1999));
        resumed.StepAndUpdate(optimizer, 1.0);
        Assert.Equal(new LossScaleState(2048, 0), resumed.State);
    }

    [Fact]
    public void Should_train_in_float32_on_the_CPU_even_when_amp_is_asked_for()
    {
        // PyTorch: autocast(enabled=True) does not touch CPU ops, and GradScaler disables itself without CUDA.
        var cpu = MixedPrecision.For(amp: true, CPU);
        Assert.False(cpu.Scaled);
        Assert.Null(cpu.State);
        Assert.Contains("fp16 autocast needs a GPU", cpu.Note);
        Assert.Equal("fp32 (hyperparameters.amp is false)", MixedPrecision.For(amp: false, CPU).Note);
        using (cpu.Autocast()) Assert.False(is_autocast_enabled(DeviceType.CPU));
        using var scope = NewDisposeScope();
        var (w, _) = Problem();
        w.grad = ones(3);
        var before = w.data<float>().ToArray();
        Assert.False(cpu.StepAndUpdate(optim.Adam([w], lr: 0.1), double.NaN));
        Assert.Equal(before, w.data<float>().ToArray());
    }
}
