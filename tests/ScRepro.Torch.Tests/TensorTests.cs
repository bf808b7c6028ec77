using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>Tensor basics; expected values are worked by hand from PyTorch's documented semantics.</summary>
public sealed class TensorTests
{
    [Fact]
    public void Should_round_trip_values_and_shapes()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal([2L, 3L], t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new float[] { 1, 4, 2, 5, 3, 6 }, t.t().data<float>());
        Assert.Equal(21f, t.sum().item<float>());
        Assert.Equal(3.5, t.mean().item<double>());
        Assert.Equal(new float[] { 5, 7, 9 }, t.sum(0).data<float>());
        Assert.Equal(5L, t.argmax().item<long>());
    }

    [Fact]
    public void Should_index_like_python()
    {
        using var scope = NewDisposeScope();
        var t = arange(12).reshape(3, 4);
        Assert.Equal(new long[] { 4, 5, 6, 7 }, t[1].data<long>());
        Assert.Equal(new long[] { 1, 5, 9 }, t[.., 1].data<long>());
        Assert.Equal(new long[] { 8, 9, 10, 11 }, t[^1].data<long>());
        Assert.Equal(new long[] { 4, 5, 6, 8, 9, 10 }, t[1.., ..^1].data<long>());
        Assert.Equal([1L, 3L, 4L], t[TensorIndex.None].shape);
        Assert.Equal(new long[] { 3, 7, 11 }, t[TensorIndex.Ellipsis, -1].data<long>());
        var mask = t.gt(9);
        Assert.Equal(new long[] { 10, 11 }, t[mask].data<long>());
        t[mask] = zeros(2, dtype: ScalarType.Int64);
        Assert.Equal(0L, t[2, 3].item<long>());
        t.index_put_(-1, TensorIndex.Slice(0, 1));
        Assert.Equal(new long[] { -1, -1, -1, -1 }, t[0].data<long>());
    }

    [Fact]
    public void Should_match_pytorch_random_stream_for_a_seed()
    {
        // torch.manual_seed(0); torch.randn(3) in PyTorch 1.13 gives [1.5410, -0.2934, -2.1788].
        using var scope = NewDisposeScope();
        manual_seed(0);
        var r = randn(3).data<float>();
        Assert.Equal(1.5410, r[0], 3);
        Assert.Equal(-0.2934, r[1], 3);
        Assert.Equal(-2.1788, r[2], 3);
    }

    [Fact]
    public void Should_convert_dtypes_including_half_and_bfloat16()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1.5f, -2.25f });
        Assert.Equal(new[] { (Half)1.5f, (Half)(-2.25f) }, t.half().data<Half>());
        Assert.Equal(ScalarType.BFloat16, t.to(bfloat16).dtype);
        Assert.Equal(new float[] { 1.5f, -2.25f }, t.to(bfloat16).to(float32).data<float>());
        Assert.Equal(new long[] { 1, -2 }, t.to(int64).data<long>());
        Assert.Equal(new[] { true, true }, t.to(@bool).data<bool>());
    }

    [Fact]
    public void Should_compute_gradients_and_respect_no_grad()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        (x * x).sum().backward();
        Assert.Equal(new float[] { 2, 4, 6 }, x.grad!.data<float>());
        using (no_grad())
        {
            Assert.False((x * 2).requires_grad);
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
        x.grad = null;
        Assert.Null(x.grad);
    }

    [Fact]
    public void Should_report_cpu_device_and_cuda_availability()
    {
        using var t = zeros(1);
        Assert.Equal(DeviceType.CPU, t.device_type);
        Assert.Equal(cuda.device_count() > 0, cuda.is_available());
        Assert.Equal("cuda:1", new Device("cuda:1").ToString());
    }
}
