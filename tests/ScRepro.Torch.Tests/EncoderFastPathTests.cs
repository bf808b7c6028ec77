using Xunit;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>
/// An eval-mode TransformerEncoderLayer outside autograd runs libtorch's fused kernel (_transformer_encoder_layer_fwd), as
/// PyTorch's layer does; with gradients recorded it runs the explicit ops. The two compute the same function in another
/// summation order. Tolerance 4e-6: PyTorch 1.13's own fast path differs from its explicit path by at most 4.8e-7 to
/// 9.5e-7 on these shapes and 512-wide ones (layer outputs up to |5|: 1-2 ulps of float32 there), and 4e-6 is ~8 ulps at 4.
/// </summary>
[Collection("Sequential")]
public sealed class EncoderFastPathTests : IDisposable
{
    private const double Tolerance = 4e-6;
    private readonly bool _wasOn = TransformerEncoderLayer.UseFastPath;

    // The kernel is opt-in (TransformerEncoderLayer.UseFastPath); these tests switch it on and put it back.
    public EncoderFastPathTests() => TransformerEncoderLayer.UseFastPath = true;

    public void Dispose() => TransformerEncoderLayer.UseFastPath = _wasOn;

    private static (Tensor Explicit, Tensor Fused) BothPaths(TransformerEncoderLayer layer, Tensor x, Tensor? keyPaddingMask = null)
    {
        layer.eval();
        // Grad mode on with parameters that require grad: PyTorch's condition for the explicit path, and ours.
        Assert.False(layer.FastPathApplies(x, null, keyPaddingMask));
        var expl = layer.forward(x, null, keyPaddingMask).detach();
        using var _ = no_grad();
        Assert.True(layer.FastPathApplies(x, null, keyPaddingMask));
        return (expl, layer.forward(x, null, keyPaddingMask));
    }

    [Theory]
    [InlineData(64, 4, 64, "relu", false)] // scGPT's demo layer (d_model 64, 4 heads, d_hid 64, post-norm)
    [InlineData(8, 2, 16, "gelu", true)]
    public void Should_match_the_explicit_layer_within_reordering_error(long d, long heads, long ff, string activation, bool normFirst)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var layer = nn.TransformerEncoderLayer(d, heads, ff, 0.0, activation, batch_first: true, norm_first: normFirst);
        var x = randn(8, 50, d);
        var (expl, fused) = BothPaths(layer, x);
        Assertions.Close(expl, fused, Tolerance, $"fused vs explicit, d {d} {activation}");
    }

    [Fact]
    public void Should_match_the_explicit_layer_with_a_key_padding_mask()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var layer = nn.TransformerEncoderLayer(64, 4, 64, 0.0, batch_first: true);
        var x = randn(6, 40, 64);
        var mask = zeros([6, 40], ScalarType.Bool);
        mask[.., 30..] = ones([6, 10], ScalarType.Bool); // the last ten keys of every sequence are padding
        var (expl, fused) = BothPaths(layer, x, mask);
        Assertions.Close(expl, fused, Tolerance, "fused vs explicit with key padding mask");
    }

    [Fact]
    public void Should_give_the_same_bytes_on_repeat()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var layer = nn.TransformerEncoderLayer(64, 4, 64, 0.1, batch_first: true);
        layer.eval();
        var x = randn(4, 30, 64);
        using var _ = no_grad();
        Assert.Equal(layer.forward(x).data<float>(), layer.forward(x).data<float>());
    }

    [Fact]
    public void Should_keep_the_explicit_path_where_pytorch_does()
    {
        using var scope = NewDisposeScope();
        manual_seed(14);
        var layer = nn.TransformerEncoderLayer(64, 4, 64, 0.0, batch_first: true);
        var x = randn(2, 10, 64);
        using var _ = no_grad();
        Assert.False(layer.FastPathApplies(x, null, null)); // training mode
        layer.eval();
        Assert.True(layer.FastPathApplies(x, null, null));
        Assert.False(layer.FastPathApplies(x, zeros(10, 10), null)); // an attention mask
        Assert.False(layer.FastPathApplies(x, null, zeros(2, 10))); // a float padding mask
        Assert.False(layer.FastPathApplies(x[0], null, null)); // unbatched
        var seqFirst = nn.TransformerEncoderLayer(64, 4, 64, 0.0, batch_first: false);
        seqFirst.eval();
        Assert.False(seqFirst.FastPathApplies(x, null, null));
        var oddHeads = nn.TransformerEncoderLayer(63, 3, 64, 0.0, batch_first: true);
        oddHeads.eval();
        Assert.False(oddHeads.FastPathApplies(randn(2, 10, 63), null, null));
        TransformerEncoderLayer.UseFastPath = false;
        Assert.False(layer.FastPathApplies(x, null, null)); // switched off
    }
}
