using ScRepro.Torch.Modules;
using Xunit;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Tests;

/// <summary>
/// Three optimizer steps with PyTorch's gradients (fixtures from scripts/gen_parity.py): parameters after every
/// step within 1e-6 of PyTorch 1.13's, and the state_dict keys and state tensors as PyTorch saves them.
/// </summary>
[Collection("Sequential")]
public sealed class OptimizerParityTests
{
    private static void Run(string name, Func<Parameter[], optim.Optimizer> make, params string[] stateKeys)
    {
        using var scope = NewDisposeScope();
        using var f = new ParityFixture(name);
        using var p = new Parameter(f["p0"].clone());
        var opt = make([p]);
        for (var i = 0; i < 3; i++)
        {
            p.grad = f[$"grad{i}"].clone();
            opt.step();
            Assertions.Close(f[$"p{i + 1}"], p, 1e-6, $"{name} parameter after step {i + 1}");
        }
        var state = opt.state_dict();
        Assert.Equal(f.Scalar("param_group_keys").EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal),
            state.param_groups[0].Keys.Order(StringComparer.Ordinal));
        foreach (var key in stateKeys)
            Assertions.Close(f[$"state.{key}"], (Tensor)state.state[0][key], 1e-6, $"{name} state {key}");
    }

    [Fact]
    public void Should_match_pytorch_Adam_with_weight_decay() =>
        Run("optim_adam", ps => optim.Adam(ps, lr: 0.01, weight_decay: 0.1), "step", "exp_avg", "exp_avg_sq");

    [Fact]
    public void Should_match_pytorch_Adam_amsgrad() =>
        Run("optim_adam_amsgrad", ps => optim.Adam(ps, lr: 0.01, amsgrad: true), "step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq");

    [Fact]
    public void Should_match_pytorch_AdamW() =>
        Run("optim_adamw", ps => optim.AdamW(ps, lr: 0.01, weight_decay: 0.1), "step", "exp_avg", "exp_avg_sq");

    [Fact]
    public void Should_match_pytorch_SGD_with_momentum() =>
        Run("optim_sgd", ps => optim.SGD(ps, 0.1, momentum: 0.9, weight_decay: 0.01), "momentum_buffer");

    [Fact]
    public void Should_restore_Adam_state_so_the_next_step_matches_an_uninterrupted_run()
    {
        // Expected: the fixture's third step, reached by a fresh optimizer loaded from the state after step two.
        using var scope = NewDisposeScope();
        using var f = new ParityFixture("optim_adam");
        using var p = new Parameter(f["p0"].clone());
        var first = optim.Adam([p], lr: 0.01, weight_decay: 0.1);
        for (var i = 0; i < 2; i++)
        {
            p.grad = f[$"grad{i}"].clone();
            first.step();
        }
        var second = optim.Adam([p], lr: 0.5);
        second.load_state_dict(first.state_dict());
        Assert.Equal(0.01, second.param_groups[0].LearningRate);
        p.grad = f["grad2"].clone();
        second.step();
        Assertions.Close(f["p3"], p, 1e-6, "parameter after a resumed third step");
    }

    [Fact]
    public void Should_keep_param_groups_separate_and_decay_lr_with_StepLR()
    {
        // Expected from PyTorch's StepLR definition: lr = lr0 * gamma^(epoch // step_size).
        using var a = new Parameter(zeros(2));
        using var b = new Parameter(zeros(2));
        var opt = optim.SGD([new optim.ParamGroup([a], lr: 0.1), new optim.ParamGroup([b], lr: 1.0)], 0.5);
        var sched = optim.lr_scheduler.StepLR(opt, 2, 0.5);
        var seen = new List<double>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            seen.Add(opt.param_groups[1].LearningRate);
            sched.step();
        }
        Assert.Equal([1.0, 1.0, 0.5, 0.5, 0.25], seen);
        Assert.Equal(0.1 * 0.25, opt.param_groups[0].LearningRate, 12);
    }
}
