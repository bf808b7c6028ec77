using ScRepro.Foundation.Errors;
using ScRepro.Models.Scbert;
using ScRepro.Models.Scbert.Checkpoints;
using ScRepro.Models.Scbert.Modules;
using ScRepro.Models.Scbert.Preprocessing;
using ScRepro.Torch;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Scbert;

/// <summary>
/// The scBERT parity tests S1-S7 of scale-gpu-models.md §3.3 against make_scbert_fixtures.py's PyTorch reference
/// (torch 1.13, tiny random weights): every expected number below is read from those fixtures unless said otherwise.
/// </summary>
public sealed class ScbertParityTests
{
    [Fact]
    public void Should_token_stored_values_as_upstream_including_the_bin_edges_S1()
    {
        var f = ScbertFixtures.Json("tokens.json");
        var values = ScbertFixtures.Floats(f.GetProperty("values"));
        var expected = f.GetProperty("tokens").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        Assert.Equal(expected, ExpressionTokens.Tokenize(values, maxBin: 5));
        // 0.99999994f (the float below 1) is token 0 and 4.9999995f token 4: a recomputed log2 could land either side.
        Assert.Equal(0, ExpressionTokens.Token(0.99999994f, 5));
        Assert.Equal(4, ExpressionTokens.Token(4.9999995f, 5));
    }

    [Fact]
    public void Should_match_the_favor_kernel_and_linear_attention_S2()
    {
        using var scope = NewDisposeScope();
        var f = ScbertFixtures.Json("kernel.json");
        long[] shape = [2, 2, 7, 8];
        Tensor T(string name) => tensor(ScbertFixtures.Floats(f.GetProperty(name)), shape, ScalarType.Float32);
        var projection = tensor(ScbertFixtures.Floats(f.GetProperty("projection")), [16, 8], ScalarType.Float32);
        var qp = Favor.SoftmaxKernel(T("q"), projection, isQuery: true);
        var kp = Favor.SoftmaxKernel(T("k"), projection, isQuery: false);
        var outp = Favor.LinearAttention(qp, kp, T("v"));
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("q_prime")), qp.data<float>()) <= 1e-6);
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("k_prime")), kp.data<float>()) <= 1e-6);
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("out")), outp.data<float>()) <= 1e-6);
        // The key side's max is global: swapping the two kinds changes k' (a kernel that ignored the flag would pass above only by luck).
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("k_prime")), Favor.SoftmaxKernel(T("k"), projection, true).data<float>()) > 1e-4);
    }

    [Fact]
    public void Should_draw_orthogonal_blocks_with_gaussian_row_norms_S3()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        // scBERT's size: int(64 ln 64) = 266 rows of 64: four full blocks and 10 rows of a fifth.
        var m = Favor.GaussianOrthogonalRandomMatrix(266, 64);
        Assert.Equal(new long[] { 266, 64 }, m.shape);
        Assert.Equal(266, (int)(64 * Math.Log(64)));
        var norms = m.square().sum(1).sqrt();
        var unit = m / norms.unsqueeze(1);
        for (var b = 0; b < 5; b++)
        {
            var rows = Math.Min(64, 266 - b * 64);
            var block = unit.slice(0, b * 64, b * 64 + rows, 1);
            var gram = block.matmul(block.t());
            Assert.True(gram.allclose(eye(rows), atol: 1e-5), $"block {b} rows are not orthonormal");
        }
        // Rows of different blocks are independent draws, not orthogonal: a matrix of one repeated block would pass the loop above.
        var cross = unit.slice(0, 0, 64, 1).matmul(unit.slice(0, 64, 128, 1).t()).abs().amax().item<float>();
        Assert.True(cross > 0.1, $"rows of blocks 0 and 1 look orthogonal too (max |cos| {cross})");
        // Row norms are norms of 64-dim Gaussian vectors (chi with 64 dof): mean ≈ √63.5 ≈ 7.97, not the unit norms of Q.
        var mean = norms.mean().item<float>();
        Assert.InRange(mean, 7.4, 8.5);
    }

    private static PerformerLM LoadPretrained()
    {
        var model = new PerformerLM(ScbertFixtures.Tiny);
        ScbertCheckpoint.Load(model, ScbertFixtures.Path("tiny_pretrain.pth"));
        return model;
    }

    [Fact]
    public void Should_reproduce_the_tiny_performer_forward_and_its_batch_dependence_S4()
    {
        using var scope = NewDisposeScope();
        var f = ScbertFixtures.Json("forward.json");
        using var model = LoadPretrained();
        model.eval();
        using var _ = no_grad();
        var tokens = ScbertFixtures.Tokens(f.GetProperty("tokens"));
        // The checkpoint's counter (one training-mode call before saving) loads into the 0-dim buffer.
        Assert.Equal(f.GetProperty("calls_since_last_redraw").GetInt64(), model.Performer.CallsSinceLastRedraw);
        // float64 add then round: bit-identical to PyTorch's in-place add, and different from a float32 add (the fixture counts 134 such elements).
        var embedded = model.Embed(tokens).data<float>();
        Assert.Equal(ScbertFixtures.Floats(f.GetProperty("embedded")), embedded);
        Assert.True(f.GetProperty("embedded_float32_add_differs").GetInt32() > 0);
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("logits")), model.forward(tokens).data<float>()) <= 1e-5);
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("encodings")), model.Encode(tokens).data<float>()) <= 1e-5);
        var alone = tokens.slice(0, 0, 1, 1);
        var enc0 = model.Encode(alone).data<float>();
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("cell0_alone_encodings")), enc0) <= 1e-5);
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("cell0_alone_logits")), model.forward(alone).data<float>()) <= 1e-5);
        // Batch dependence (the key kernel's global max): cell 0 alone differs from cell 0 in the batch, by what PyTorch found.
        var inBatch = model.Encode(tokens).slice(0, 0, 1, 1).data<float>();
        var gap = ScbertFixtures.MaxAbs(inBatch, enc0);
        var expectedGap = f.GetProperty("batch_vs_alone_max_abs").GetDouble();
        Assert.True(gap > 1e-6 && Math.Abs(gap - expectedGap) <= 1e-5, $"batch gap {gap}, PyTorch's {expectedGap}");
        // Eval-mode calls neither count nor redraw.
        Assert.Equal(1, model.Performer.CallsSinceLastRedraw);
        Assert.Equal(0, model.Performer.Redraws);
    }

    [Theory]
    [InlineData("upstream", TrainableLayer.Upstream)]
    [InlineData("boiarsky", TrainableLayer.Boiarsky)]
    public void Should_take_one_fine_tuning_step_as_pytorch_S5(string name, TrainableLayer layer)
    {
        using var scope = NewDisposeScope();
        var f = ScbertFixtures.Json($"finetune_step_{name}.json");
        using var model = LoadPretrained();
        var trainable = ScbertFineTuning.Prepare(model, classes: 3, layer);
        // The head's initial weights are PyTorch's draws: take them (and everything else) from the saved initial state.
        ScbertCheckpoint.Load(model, ScbertFixtures.Path($"finetune_init_{name}.pth"));
        var names = model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToList();
        Assert.Equal(f.GetProperty("trainable").EnumerateArray().Select(x => x.GetString()!).ToList(), names);
        Assert.Equal(f.GetProperty("trainable_count").GetInt64(), trainable.Sum(p => p.numel()));
        var frozenBefore = model.named_parameters().Where(p => !p.parameter.requires_grad).ToDictionary(p => p.name, p => p.parameter.clone());

        model.train();
        Assert.Equal(f.GetProperty("counter_before").GetInt64(), model.Performer.CallsSinceLastRedraw);
        var optimizer = optim.Adam(trainable, f.GetProperty("lr").GetDouble());
        var tokens = ScbertFixtures.Tokens(f.GetProperty("tokens"));
        var labels = tensor(f.GetProperty("labels").EnumerateArray().Select(x => x.GetInt64()).ToArray(), [3], ScalarType.Int64);
        var logits = model.forward(tokens);
        Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(f.GetProperty("logits")), logits.data<float>()) <= 1e-5);
        var loss = nn.functional.cross_entropy(logits, labels);
        Assert.Equal(f.GetProperty("loss").GetDouble(), loss.item<float>(), 5);
        loss.backward();
        nn.utils.clip_grad_norm_(trainable, 1e6);
        optimizer.step();
        Assert.Equal(f.GetProperty("counter_after").GetInt64(), model.Performer.CallsSinceLastRedraw);

        var state = model.state_dict();
        foreach (var p in f.GetProperty("after").EnumerateObject())
        {
            var actual = state[p.Name].data<float>();
            if (p.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(p.Value), actual) <= 1e-6, p.Name);
                continue;
            }
            var sampled = actual.Where((_, i) => i % 97 == 0).ToArray();
            Assert.True(ScbertFixtures.MaxAbs(ScbertFixtures.Floats(p.Value.GetProperty("every_97th")), sampled) <= 1e-6, p.Name);
            Assert.Equal(p.Value.GetProperty("sum").GetDouble(), actual.Sum(v => (double)v), 3);
        }
        foreach (var (key, before) in frozenBefore) Assert.True(state[key].equal(before), $"frozen {key} moved");
    }

    [Fact]
    public void Should_redraw_at_calls_interval_plus_one_and_never_in_eval_S6()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var model = new PerformerLM(ScbertFixtures.Tiny with { FeatureRedrawInterval = 3 });
        var tokens = zeros([1, 11], ScalarType.Int64);
        var first = model.Performer.Net.Layers[0].FastAttention.ProjectionMatrix.clone();
        var counters = new List<long>();
        var redrawnAt = new List<int>();
        using (no_grad())
        {
            model.train();
            for (var call = 1; call <= 8; call++)
            {
                var before = model.Performer.Redraws;
                model.forward(tokens).Dispose();
                counters.Add(model.Performer.CallsSinceLastRedraw);
                if (model.Performer.Redraws > before) redrawnAt.Add(call);
            }
            // Interval 3: counter 1, 2, 3, then 0 with a redraw at call 4 (N+1), and again at call 8 (2N+2) (§3.1 [ran]).
            Assert.Equal(new long[] { 1, 2, 3, 0, 1, 2, 3, 0 }, counters);
            Assert.Equal(new[] { 4, 8 }, redrawnAt);
            Assert.False(model.Performer.Net.Layers[0].FastAttention.ProjectionMatrix.equal(first));
            model.eval();
            for (var call = 0; call < 5; call++) model.forward(tokens).Dispose();
            Assert.Equal(0, model.Performer.CallsSinceLastRedraw);
            Assert.Equal(2, model.Performer.Redraws);
        }
    }

    [Fact]
    public void Should_list_the_91_panglao_keys_with_their_shapes_and_dtypes_S7()
    {
        var f = ScbertFixtures.Json("panglao_keys.json");
        using var model = new PerformerLM(ScbertConfig.Panglao);
        var own = model.state_dict().Select(kv => new object[] { kv.Key, kv.Value.shape, kv.Value.dtype }).ToList();
        var expected = f.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(91, expected.Count);
        Assert.Equal(expected.Count, own.Count);
        string Dtype(ScalarType t) => t switch { ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Int64 => "int64", _ => t.ToString() };
        for (var i = 0; i < own.Count; i++)
        {
            Assert.Equal(expected[i][0].GetString(), own[i][0]);
            Assert.Equal(expected[i][1].EnumerateArray().Select(x => x.GetInt64()).ToArray(), (long[])own[i][1]);
            Assert.Equal(expected[i][2].GetString(), Dtype((ScalarType)own[i][2]));
        }
        // 8,388,607 parameters in all (§3.1), 266 features per head.
        Assert.Equal(f.GetProperty("parameters").GetInt64(), model.parameters().Sum(p => p.numel()));
        Assert.Equal(8_388_607, model.parameters().Sum(p => p.numel()));
        Assert.Equal(new long[] { 266, 64 }, model.Performer.Net.Layers[0].FastAttention.ProjectionMatrix.shape);
    }

    [Fact]
    public void Should_read_only_model_state_dict_from_the_checkpoint_wrapper_and_load_best_strictly_S7()
    {
        using var scope = NewDisposeScope();
        // tiny_pretrain.pth is save_ckpt's dict with a real Adam state beside the model: only the 35 model keys are read.
        var sd = ScbertCheckpoint.ReadModelStateDict(ScbertFixtures.Path("tiny_pretrain.pth"));
        Assert.Equal(ScbertFixtures.Json("forward.json").GetProperty("keys").GetArrayLength(), sd.Count);
        Assert.Equal("float64", sd.Single(kv => kv.Key == "pos_emb.emb.weight").Value.DTypeName);
        Assert.Empty(sd.Single(kv => kv.Key == "performer.calls_since_last_redraw").Value.Shape);

        // *_best.pth (the fine-tuned head) loads into the fine-tuning model, and not into the pretraining one.
        using var tuned = new PerformerLM(ScbertFixtures.Tiny);
        ScbertFineTuning.Prepare(tuned, 3, TrainableLayer.Upstream);
        ScbertCheckpoint.Load(tuned, ScbertFixtures.Path("tiny_best.pth"));
        using var plain = new PerformerLM(ScbertFixtures.Tiny);
        var e = Assert.Throws<ScReproException>(() => ScbertCheckpoint.Load(plain, ScbertFixtures.Path("tiny_best.pth")));
        Assert.Contains("tiny_best.pth", e.Message);
        Assert.Contains("missing to_out.weight", e.Message);
        Assert.Contains("unexpected to_out.conv1.weight", e.Message);
        // A model without gene2vec has no pos_emb key: the pretrained file is refused, naming it.
        using var noG2v = new PerformerLM(ScbertFixtures.Tiny with { PositionEmbedding = PositionEmbedding.None });
        var e2 = Assert.Throws<ScReproException>(() => ScbertCheckpoint.Load(noG2v, ScbertFixtures.Path("tiny_pretrain.pth")));
        Assert.Contains("unexpected pos_emb.emb.weight", e2.Message);
    }

    [Fact]
    public void Should_refuse_a_checkpoint_whose_shapes_differ_naming_the_key()
    {
        using var wider = new PerformerLM(ScbertFixtures.Tiny with { SeqLen = 12 });
        var e = Assert.Throws<ScReproException>(() => ScbertCheckpoint.Load(wider, ScbertFixtures.Path("tiny_pretrain.pth")));
        Assert.Contains("'pos_emb.emb.weight' has shape [11, 16]", e.Message);
    }
}
