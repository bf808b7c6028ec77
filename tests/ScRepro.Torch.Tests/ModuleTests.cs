using ScRepro.Torch.Modules;
using Xunit;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Tests;

/// <summary>Registries, state_dict order and modes; the expected key lists are what PyTorch 1.13 prints for the same modules.</summary>
public sealed class ModuleTests
{
    private sealed class Net : Module<Tensor, Tensor>
    {
        public Linear fc1 = nn.Linear(4, 3);
        public BatchNorm1d bn = nn.BatchNorm1d(3);
        private readonly Tensor scale = ones(1);
        [ComponentName(Name = "out")] private readonly Linear _last = nn.Linear(3, 2);

        public Net() : base(nameof(Net)) => RegisterComponents();

        public override Tensor forward(Tensor x) => _last.forward(bn.forward(fc1.forward(x)) * scale);
    }

    [Fact]
    public void Should_list_state_dict_keys_in_declaration_order()
    {
        using var net = new Net();
        // PyTorch order: a module's own parameters, then its own buffers ("scale"), then each child in turn.
        Assert.Equal(["scale", "fc1.weight", "fc1.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked", "out.weight", "out.bias"],
            net.state_dict().Keys);
        Assert.Equal(["fc1.weight", "fc1.bias", "bn.weight", "bn.bias", "out.weight", "out.bias"], net.named_parameters().Select(p => p.name));
        Assert.Equal(["fc1", "bn", "out"], net.named_modules().Select(m => m.name));
    }

    [Fact]
    public void Should_name_transformer_parameters_as_pytorch()
    {
        using var enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2);
        var keys = enc.state_dict().Keys.ToList();
        Assert.Equal(24, keys.Count);
        Assert.Equal(["layers.0.self_attn.in_proj_weight", "layers.0.self_attn.in_proj_bias", "layers.0.self_attn.out_proj.weight",
            "layers.0.self_attn.out_proj.bias", "layers.0.linear1.weight", "layers.0.linear1.bias", "layers.0.linear2.weight",
            "layers.0.linear2.bias", "layers.0.norm1.weight", "layers.0.norm1.bias", "layers.0.norm2.weight", "layers.0.norm2.bias"], keys.Take(12));
    }

    [Fact]
    public void Should_switch_train_and_eval_recursively()
    {
        using var scope = NewDisposeScope();
        using var net = new Net();
        net.eval();
        Assert.All(net.modules(), m => Assert.False(m.training));
        var x = randn(5, 4);
        Assert.True(net.forward(x).equal(net.forward(x)));
        net.train();
        Assert.True(net.bn.training);
    }

    [Fact]
    public void Should_cast_module_parameters_in_place()
    {
        using var net = new Net();
        var weight = net.fc1.weight;
        net.to(float64);
        Assert.Same(weight, net.fc1.weight);
        Assert.Equal(ScalarType.Float64, net.fc1.weight.dtype);
        Assert.Equal(ScalarType.Int64, net.bn.num_batches_tracked!.dtype);
    }
}
