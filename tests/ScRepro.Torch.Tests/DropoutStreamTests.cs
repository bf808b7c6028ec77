using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using ScRepro.Testing;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>
/// The shim draws CPU dropout masks in bulk (native/src/dropout.cpp) instead of through at::dropout's one-element-at-a-
/// time bernoulli_. Expected values: tests/fixtures/torch/dropout_stream.json, written by
/// scripts/gen_dropout_stream.py with Debian's python3-torch (F.dropout after torch.manual_seed): per draw the number of
/// elements dropped and the SHA-256 of the output's float32 bytes, then the next four torch.rand float64 values, which
/// only match if the generator was left exactly where PyTorch leaves it.
/// </summary>
public sealed class DropoutStreamTests
{
    [Fact]
    public void Should_take_the_bulk_path_on_this_libtorch()
    {
        // Debian's libtorch 1.13 has no MKL, so its bernoulli_ is the serial Mersenne Twister draw the bulk path copies.
        Assert.True(nn.functional.dropout_mask_in_bulk, "the shim's dropout self-check against at::dropout failed on this libtorch");
    }

    [Fact]
    public void Should_draw_pytorchs_masks_and_leave_the_generator_where_pytorch_does()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("torch", "dropout_stream.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var seed = c.GetProperty("seed").GetInt64();
            manual_seed(seed);
            foreach (var d in c.GetProperty("draws").EnumerateArray())
            {
                var shape = d.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                var transpose = d.GetProperty("transpose").GetBoolean();
                var p = d.GetProperty("p").GetDouble();
                using var scope = NewDisposeScope();
                // The script's input: arange · 0.5 − 3, reshaped, transposed where asked (a non-contiguous input).
                var n = shape.Aggregate(1L, (a, b) => a * b);
                var x = (arange(n, ScalarType.Float32) * 0.5 - 3.0).reshape(shape);
                if (transpose) x = x.t();
                var y = nn.functional.dropout(x, p, training: true);
                var values = y.contiguous().data<float>().ToArray();
                var inputZeros = x.contiguous().data<float>().ToArray().Count(v => v == 0);
                var label = $"seed {seed}, shape [{string.Join(",", shape)}], p {p}";
                Assert.True(d.GetProperty("zeros").GetInt32() == values.Count(v => v == 0) - inputZeros, label + ": dropped count");
                Assert.True(d.GetProperty("sha256").GetString() == Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan()))),
                    label + ": output bytes");
            }
            using var after = rand([4], ScalarType.Float64);
            var expected = c.GetProperty("rand_after").EnumerateArray().Select(v => double.Parse(v.GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(expected, after.data<double>().ToArray());
        }
    }

    [Fact]
    public void Should_keep_every_element_at_p_zero_and_drop_all_at_p_one()
    {
        // at::dropout's own edge cases, which the bulk path hands back to it.
        using var scope = NewDisposeScope();
        var x = ones(1000);
        Assert.Equal(1000f, nn.functional.dropout(x, 0.0, training: true).sum().item<float>());
        Assert.Equal(0f, nn.functional.dropout(x, 1.0, training: true).sum().item<float>());
        Assert.Equal(1000f, nn.functional.dropout(x, 0.5, training: false).sum().item<float>());
    }
}
