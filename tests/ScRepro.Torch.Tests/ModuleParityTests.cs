using ScRepro.Torch.Modules;
using Xunit;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Tests;

/// <summary>
/// Forward outputs and gradients against PyTorch 1.13 (tests/fixtures/torch/scripts/gen_parity.py): the module gets
/// the fixture's weights, runs the fixture's inputs, back-propagates sum(out * gout), and every output, parameter
/// gradient and input gradient must be within 1e-5 of PyTorch's.
/// </summary>
[Collection("Sequential")]
public sealed class ModuleParityTests
{
    private const double Tolerance = 1e-5;

    private static void Check(string name, Module module, Func<ParityFixture, Tensor[], Tensor> forward, params bool[] inputNeedsGrad)
    {
        using var scope = NewDisposeScope();
        using var f = new ParityFixture(name);
        var weights = f.WithPrefix("w.");
        if (weights.Count > 0)
        {
            var (missing, unexpected) = module.load_state_dict(weights);
            Assert.Empty(missing);
            Assert.Empty(unexpected);
        }
        var inputs = f.WithPrefix("in.").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToArray();
        for (var i = 0; i < inputs.Length; i++)
            if (i < inputNeedsGrad.Length && inputNeedsGrad[i]) inputs[i].requires_grad = true;
        var output = forward(f, inputs);
        Assertions.Close(f["out"], output, Tolerance, $"{name} output");
        (output * f["gout"]).sum().backward();
        foreach (var (pname, p) in module.named_parameters())
        {
            if (!f.Has($"g.{pname}")) continue;
            Assertions.Close(f[$"g.{pname}"], p.grad!, Tolerance, $"{name} grad of {pname}");
        }
        Assert.All(module.named_parameters().Where(x => !f.Has($"g.{x.name}")), x => Assert.Null(x.parameter.grad));
        for (var i = 0; i < inputs.Length; i++)
            if (f.Has($"g.in.{i}")) Assertions.Close(f[$"g.in.{i}"], inputs[i].grad!, Tolerance, $"{name} grad of input {i}");
        foreach (var (bname, b) in module.named_buffers())
            if (f.Has($"after.{bname}")) Assertions.Close(f[$"after.{bname}"], b, Tolerance, $"{name} buffer {bname}");
        module.Dispose();
    }

    [Fact]
    public void Should_match_pytorch_Linear_weights_and_grads()
    {
        var m = nn.Linear(4, 5);
        Check("linear", m, (_, x) => m.forward(x[0]), true);
    }

    [Fact]
    public void Should_match_pytorch_Embedding_with_padding_idx()
    {
        var m = nn.Embedding(6, 4, padding_idx: 0);
        Check("embedding", m, (_, x) => m.forward(x[0]));
    }

    [Fact]
    public void Should_match_pytorch_LayerNorm()
    {
        var m = nn.LayerNorm(5);
        Check("layernorm", m, (_, x) => m.forward(x[0]), true);
    }

    [Fact]
    public void Should_match_pytorch_BatchNorm1d_in_training_including_running_stats()
    {
        var m = nn.BatchNorm1d(4);
        Check("batchnorm1d", m, (_, x) => m.forward(x[0]), true);
    }

    [Fact]
    public void Should_match_pytorch_ReLU()
    {
        var m = nn.ReLU();
        Check("relu", m, (_, x) => m.forward(x[0]), true);
    }

    [Fact]
    public void Should_match_pytorch_GELU_exact_and_tanh()
    {
        var exact = nn.GELU();
        Check("gelu", exact, (_, x) => exact.forward(x[0]), true);
        var tanh = nn.GELU("tanh");
        Check("gelu_tanh", tanh, (_, x) => tanh.forward(x[0]), true);
    }

    [Fact]
    public void Should_match_pytorch_Dropout_mask_for_the_same_seed()
    {
        var m = nn.Dropout(0.3);
        Check("dropout", m, (_, x) => { manual_seed(1234); return m.forward(x[0]); }, true);
    }

    [Fact]
    public void Should_match_pytorch_Conv1d()
    {
        var m = nn.Conv1d(3, 4, 3, padding: 1);
        Check("conv1d", m, (_, x) => m.forward(x[0]), true);
    }

    [Fact]
    public void Should_match_pytorch_MultiheadAttention_with_key_padding_mask()
    {
        var m = nn.MultiheadAttention(8, 2, batch_first: true);
        Assert.Equal(["in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"], m.state_dict().Keys);
        Tensor? weights = null;
        Check("mha", m, (_, x) =>
        {
            var (output, w) = m.forward(x[0], x[0], x[0], key_padding_mask: x[1], need_weights: true);
            weights = w!.detach().DetachFromDisposeScope();
            return output;
        }, true, false);
        using var f = new ParityFixture("mha_weights");
        Assertions.Close(f["weights"], weights!, Tolerance, "mha attention weights");
        weights!.Dispose();
    }

    [Fact]
    public void Should_match_pytorch_TransformerEncoderLayer_post_norm_relu()
    {
        var m = nn.TransformerEncoderLayer(8, 2, 16, 0.0, "relu", batch_first: true);
        Check("encoder_layer_post", m, (_, x) => m.forward(x[0], null, x[1]), true, false);
    }

    [Fact]
    public void Should_match_pytorch_TransformerEncoderLayer_pre_norm_gelu()
    {
        var m = nn.TransformerEncoderLayer(8, 2, 16, 0.0, "gelu", batch_first: true, norm_first: true);
        Check("encoder_layer_pre", m, (_, x) => m.forward(x[0], null, x[1]), true, false);
    }

    [Fact]
    public void Should_match_pytorch_TransformerEncoder_with_final_norm()
    {
        var m = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, 0.0, batch_first: true), 2, nn.LayerNorm(8));
        Check("encoder", m, (_, x) => m.forward(x[0], null, x[1]), true, false);
    }

    [Fact]
    public void Should_match_pytorch_cross_entropy_with_class_weights_and_ignore_index()
    {
        using var scope = NewDisposeScope();
        using var f = new ParityFixture("cross_entropy");
        var logits = f["logits"].requires_grad_();
        var loss = functional.cross_entropy(logits, f["target"], f["weight"], ignore_index: -100);
        Assertions.Close(f["loss"], loss, Tolerance, "cross_entropy loss");
        loss.backward();
        Assertions.Close(f["g.logits"], logits.grad!, Tolerance, "cross_entropy grad");
    }

    [Fact]
    public void Should_match_pytorch_mse_loss()
    {
        using var scope = NewDisposeScope();
        using var f = new ParityFixture("mse");
        var a = f["a"].requires_grad_();
        var loss = functional.mse_loss(a, f["b"]);
        Assertions.Close(f["loss"], loss, Tolerance, "mse loss");
        loss.backward();
        Assertions.Close(f["g.a"], a.grad!, Tolerance, "mse grad");
    }
}
