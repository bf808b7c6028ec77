using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>libtorch failures arrive as TorchException with libtorch's own message (texts from ATen 1.13's checks).</summary>
public sealed class ErrorTests
{
    [Fact]
    public void Should_throw_TorchException_with_libtorch_message_on_matmul_shape_mismatch()
    {
        using var scope = NewDisposeScope();
        var a = ones(2, 3);
        var b = ones(4, 5);
        var e = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", e.Message);
        // No C++ backtrace in the message, and the error slot is cleared: the next call works.
        Assert.DoesNotContain("Exception raised from", e.Message);
        Assert.Equal([2L, 5L], a.matmul(ones(3, 5)).shape);
    }

    [Fact]
    public void Should_throw_on_out_of_range_index()
    {
        using var scope = NewDisposeScope();
        var t = arange(3);
        var e = Assert.Throws<TorchException>(() => t[10]);
        Assert.Contains("index 10 is out of bounds for dimension 0 with size 3", e.Message);
        var e2 = Assert.Throws<TorchException>(() => t.index_select(0, tensor(new long[] { 0, 7 })));
        Assert.Contains("out of range", e2.Message);
    }

    [Fact]
    public void Should_throw_on_broadcast_and_view_errors()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => ones(2, 3) + ones(4));
        Assert.Contains("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", e.Message);
        var v = Assert.Throws<TorchException>(() => ones(2, 3).view(4));
        Assert.Contains("shape '[4]' is invalid for input of size 6", v.Message);
    }

    [Fact]
    public void Should_report_a_state_dict_size_mismatch_naming_the_key()
    {
        using var lin = nn.Linear(3, 2);
        using var w = zeros(5, 3);
        var e = Assert.Throws<ArgumentException>(() => lin.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = w }, strict: false));
        Assert.Contains("size mismatch for weight", e.Message);
        var strict = Assert.Throws<ArgumentException>(() => lin.load_state_dict(new Dictionary<string, Tensor> { ["weights"] = w }));
        Assert.Contains("missing key(s): \"weight\", \"bias\"", strict.Message);
        Assert.Contains("unexpected key(s): \"weights\"", strict.Message);
    }

    [Fact]
    public void Should_keep_errors_per_thread()
    {
        // A failure on another thread must not surface here: the error slot is thread-local.
        var other = new Thread(() =>
        {
            try { using var _ = ones(2).view(3); } catch (TorchException) { }
        });
        other.Start();
        other.Join();
        using var t = ones(2, 2);
        Assert.Equal(4L, t.numel());
    }

    [Fact]
    public void Should_refuse_a_disposed_tensor()
    {
        var t = ones(2);
        t.Dispose();
        Assert.Throws<InvalidOperationException>(() => t.sum());
    }
}
