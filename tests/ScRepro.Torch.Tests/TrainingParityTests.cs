using ScRepro.Torch.Modules;
using Xunit;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Tests;

/// <summary>
/// 20 Adam + StepLR steps of a 2-layer TransformerEncoder tagger from PyTorch's initial weights: every loss within
/// 1e-4 of PyTorch's (fixture parity_train.json from scripts/gen_parity.py, same model and data).
/// </summary>
[Collection("Sequential")]
public sealed class TrainingParityTests
{
    private sealed class Tagger : Module<Tensor, Tensor>
    {
        public Embedding emb = nn.Embedding(12, 8, padding_idx: 0);
        public TransformerEncoder encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, 0.0, batch_first: true), 2);
        public Linear head = nn.Linear(8, 12);

        public Tagger() : base(nameof(Tagger)) => RegisterComponents();

        public override Tensor forward(Tensor tokens)
        {
            using var scope = NewDisposeScope();
            using var x = emb.forward(tokens);
            using var mask = tokens.eq(0);
            using var h = encoder.forward(x, null, mask);
            return head.forward(h).MoveToOuterDisposeScope();
        }
    }

    [Fact]
    public void Should_reproduce_pytorch_losses_over_20_training_steps()
    {
        using var f = new ParityFixture("train");
        using var model = new Tagger();
        var (missing, unexpected) = model.load_state_dict(f.WithPrefix("w."));
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        var tokens = f["tokens"];
        var targets = f["targets"].reshape(-1);
        var expected = f["losses"].data<double>();
        var opt = optim.Adam(model.parameters(), lr: 0.01);
        var sched = optim.lr_scheduler.StepLR(opt, 5, 0.5);
        var losses = new List<double>();
        for (var step = 0; step < 20; step++)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var logits = model.forward(tokens);
            var loss = functional.cross_entropy(logits.reshape(-1, 12), targets, ignore_index: -100);
            loss.backward();
            opt.step();
            sched.step();
            losses.Add(loss.item<float>());
        }
        for (var i = 0; i < 20; i++)
            Assert.True(Math.Abs(expected[i] - losses[i]) <= 1e-4, $"step {i}: loss {losses[i]} vs PyTorch {expected[i]}");
        Assert.True(losses[^1] < losses[0], "the loss should fall over training");
    }
}
