using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>
/// torch.autocast on the CPU build, in bfloat16 (the only dtype CPU autocast takes in 1.13; the fp16 CUDA path goes
/// through the same shim calls). What autocast casts comes from ATen's autocast_mode.cpp lists: matmul is in the
/// lower-precision list, mse_loss in the CPU float32 list (PyTorch 1.13 gives the same dtypes for the same calls).
/// </summary>
public sealed class AutocastTests
{
    [Fact]
    public void Should_run_matmul_in_bfloat16_inside_the_region_and_float32_after_it()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var a = randn(8, 16);
        var b = randn(16, 4);
        var exact = a.matmul(b);
        Assert.False(is_autocast_enabled(DeviceType.CPU));
        Tensor cast;
        using (autocast(DeviceType.CPU, ScalarType.BFloat16))
        {
            Assert.True(is_autocast_enabled(DeviceType.CPU));
            Assert.False(is_autocast_enabled(DeviceType.CUDA));
            cast = a.matmul(b);
            Assert.Equal(ScalarType.BFloat16, cast.dtype);
            Assert.Equal(ScalarType.Float32, nn.functional.mse_loss(cast, zeros(8, 4)).dtype); // losses run in float32
        }
        Assert.False(is_autocast_enabled(DeviceType.CPU));
        Assert.Equal(ScalarType.Float32, a.matmul(b).dtype);
        // bfloat16 keeps 8 significant bits: inputs and products round at about 2^-8 relative.
        var error = (cast.to(ScalarType.Float32) - exact).abs().max().item<float>();
        var size = exact.abs().max().item<float>();
        Assert.True(error > 0 && error < 0.05 * size, $"max |bf16 − fp32| = {error} for values up to {size}");
    }

    [Fact]
    public void Should_restore_the_outer_region_when_an_inner_one_ends()
    {
        using (autocast(DeviceType.CPU, ScalarType.BFloat16))
        {
            using (autocast(DeviceType.CPU, ScalarType.BFloat16)) Assert.True(is_autocast_enabled(DeviceType.CPU));
            Assert.True(is_autocast_enabled(DeviceType.CPU));
        }
        Assert.False(is_autocast_enabled(DeviceType.CPU));
    }

    [Fact]
    public void Should_refuse_float16_on_the_CPU_as_PyTorch_does()
    {
        var e = Assert.Throws<ArgumentException>(() => autocast(DeviceType.CPU, ScalarType.Float16));
        Assert.Contains("bfloat16 only", e.Message);
        Assert.False(is_autocast_enabled(DeviceType.CPU));
    }
}
