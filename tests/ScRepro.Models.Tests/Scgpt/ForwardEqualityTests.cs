using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Testing;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>
/// Strict load of PyTorch-made checkpoints (make_scgpt_fixtures.py: random weights, scGPT's key names) and forward
/// outputs within 1e-4 of the PyTorch model's, for each architecture and attention layout.
/// </summary>
public sealed class ForwardEqualityTests
{
    private static Tensor Longs(System.Text.Json.JsonElement e)
    {
        var rows = Fixtures.Longs2(e);
        return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], ScalarType.Int64);
    }

    private static Tensor Floats(System.Text.Json.JsonElement e)
    {
        var rows = Fixtures.Floats2(e);
        return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], ScalarType.Float32);
    }

    private static T LoadStrict<T>(T model, string file) where T : ScgptNetwork
    {
        var sd = TorchCheckpoint.ReadStateDict(Fixtures.Path(file));
        var shapes = sd.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.Shape.ToArray())).ToList();
        var report = StateDictMatcher.Match(shapes, ScgptParameters.For(model.Config), LoadMode.Strict, file);
        ScgptWeights.Load(model, sd, report);
        model.eval();
        return model;
    }

    private static void AssertClose(float[] expected, float[] actual, double tol = 1e-4)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tol, $"max abs difference {worst} exceeds {tol}");
    }

    [Theory]
    [InlineData("generator_inproj.pt")]
    [InlineData("generator_wqkv.pt")]
    [InlineData("generator_impl_wqkv.pt")]
    public void Should_reproduce_the_generator_forward_in_every_attention_layout(string file)
    {
        using var scope = NewDisposeScope();
        var f = Fixtures.Json("generator_forward.json");
        using var model = LoadStrict(new TransformerGenerator(TinyConfigs.Generator), file);
        using var _ = no_grad();
        var output = model.forward(Longs(f.GetProperty("src")), Floats(f.GetProperty("values")), Longs(f.GetProperty("flags")));
        AssertClose(Fixtures.Floats2(f.GetProperty("mlm_output")).SelectMany(r => r).ToArray(), output.data<float>());
    }

    [Theory]
    [InlineData("generator2023_inproj.pt")]
    [InlineData("generator2023_wqkv.pt")]
    public void Should_reproduce_the_2023_generator_forward_with_its_batchnorm(string file)
    {
        using var scope = NewDisposeScope();
        var f = Fixtures.Json("generator2023_forward.json");
        using var model = LoadStrict(new TransformerGenerator(TinyConfigs.Generator2023), file);
        using var _ = no_grad();
        var output = model.forward(Longs(f.GetProperty("src")), Floats(f.GetProperty("values")), Longs(f.GetProperty("flags")));
        AssertClose(Fixtures.Floats2(f.GetProperty("mlm_output")).SelectMany(r => r).ToArray(), output.data<float>());
    }

    [Fact]
    public void Should_reproduce_the_classifier_logits_with_padding()
    {
        using var scope = NewDisposeScope();
        var f = Fixtures.Json("classifier_forward.json");
        using var model = LoadStrict(new TransformerModel(TinyConfigs.Classifier), "classifier_inproj.pt");
        using var _ = no_grad();
        var src = Longs(f.GetProperty("src"));
        var logits = model.forward(src, Floats(f.GetProperty("values")), src.eq(20));
        AssertClose(Fixtures.Floats2(f.GetProperty("cls_output")).SelectMany(r => r).ToArray(), logits.data<float>());
    }

    [Theory]
    [InlineData(ScgptVariant.Generator)]
    [InlineData(ScgptVariant.Generator2023)]
    [InlineData(ScgptVariant.Classifier)]
    public void Should_own_exactly_the_listed_state_dict(ScgptVariant variant)
    {
        var config = variant switch
        {
            ScgptVariant.Generator => TinyConfigs.Generator,
            ScgptVariant.Generator2023 => TinyConfigs.Generator2023,
            _ => TinyConfigs.Classifier,
        };
        using ScgptNetwork model = variant == ScgptVariant.Classifier ? new TransformerModel(config) : new TransformerGenerator(config);
        var expected = ScgptParameters.For(config).Select(p => p.ToString());
        var actual = model.state_dict().Select(kv => new ParameterSpec(kv.Key, kv.Value.shape).ToString());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Should_write_best_model_pt_that_reads_back_bit_identical()
    {
        using var dir = TestPaths.NewTempDir();
        using var model = LoadStrict(new TransformerGenerator(TinyConfigs.Generator), "generator_wqkv.pt");
        ScgptWeights.Save(model, dir.File("best_model.pt"));
        var back = TorchCheckpoint.ReadStateDict(dir.File("best_model.pt"));
        var original = TorchCheckpoint.ReadStateDict(Fixtures.Path("generator_inproj.pt"));
        // Written with in_proj names (the seed card's layout), same order and values as PyTorch's own in_proj file.
        Assert.Equal(original.Select(kv => kv.Key), back.Select(kv => kv.Key));
        foreach (var ((_, a), (_, b)) in original.Zip(back))
            Assert.Equal(a.ContiguousBytes(), b.ContiguousBytes());
    }

    [Fact]
    public void Should_build_the_whole_human_generator_with_exactly_the_pytorch_state_dict()
    {
        // Expected: TransformerGenerator instantiated in PyTorch at whole-human size (whole_human_key_listings.json):
        // 176 entries, 51,859,459 parameters (spec §1.2). Built here on libtorch, ~210 MB.
        var listing = Fixtures.Json("whole_human_key_listings.json").GetProperty("generator");
        var expected = Fixtures.Listing(listing.GetProperty("keys")).Select(kv => $"{kv.Key} ({string.Join(", ", kv.Value)})");
        using var model = new TransformerGenerator(new ScgptConfig { NToken = 60697, PadTokenId = 60694 });
        Assert.Equal(expected, model.state_dict().Select(kv => new ParameterSpec(kv.Key, kv.Value.shape).ToString()));
        Assert.Equal(listing.GetProperty("params").GetInt64(), model.parameters().Sum(p => p.numel()));
    }
}
