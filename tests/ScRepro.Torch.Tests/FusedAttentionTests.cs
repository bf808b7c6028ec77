using System.Text.RegularExpressions;
using Xunit;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Tests;

/// <summary>
/// scaled_dot_product_attention is compiled in only against libtorch 2.x. On 1.x (Debian's 1.13 here) the shim must say
/// so instead of failing to build or crashing; on 2.x the fused path must equal the explicit softmax(q kᵀ/√E + mask) v.
/// </summary>
[Collection("Sequential")]
public sealed class FusedAttentionTests
{
    private static bool BuiltAgainst2x => int.Parse(Regex.Match(torch.__version__, @"^(\d+)\.").Groups[1].Value) >= 2;

    [Fact]
    public void Should_offer_sdpa_exactly_when_built_against_libtorch_2()
    {
        Assert.Equal(BuiltAgainst2x, functional.scaled_dot_product_attention_available);
        Assert.Equal(BuiltAgainst2x && Environment.GetEnvironmentVariable("SCREPRO_TORCH_SDPA") != "0",
            ScRepro.Torch.Modules.MultiheadAttention.UseFusedAttention);
    }

    [Fact]
    public void Should_refuse_sdpa_on_libtorch_1_naming_the_version_or_match_the_explicit_path_on_2()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var q = randn(6, 5, 4);
        var k = randn(6, 7, 4);
        var v = randn(6, 7, 4);
        var mask = zeros(6, 1, 7);
        mask[.., .., 6] = tensor(double.NegativeInfinity);
        if (!BuiltAgainst2x)
        {
            var e = Assert.Throws<TorchException>(() => functional.scaled_dot_product_attention(q, k, v, mask));
            Assert.Contains(torch.__version__, e.Message);
            Assert.Null(functional.scaled_dot_product_attention_backend(q, k, v, mask));
            return;
        }
        var expected = (q.bmm(k.transpose(-2, -1)) / Math.Sqrt(4) + mask).softmax(-1).bmm(v);
        Assertions.Close(expected, functional.scaled_dot_product_attention(q, k, v, mask), 1e-6, "sdpa vs explicit");
        Assert.NotNull(functional.scaled_dot_product_attention_backend(q, k, v, mask));
    }
}
