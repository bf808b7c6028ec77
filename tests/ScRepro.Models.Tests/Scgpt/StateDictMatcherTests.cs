using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class StateDictMatcherTests
{
    private static List<KeyValuePair<string, long[]>> Pretrained() =>
        Fixtures.Listing(Fixtures.Json("pretrained_tiny_keys.json"));

    [Fact]
    public void Should_load_the_perturbation_prefixes_from_a_flash_checkpoint_as_the_tutorial_does()
    {
        // Whole-human loads 9 + 144 = 153 tensors for the generator (spec §5); at the tiny size 9 + 2×12 = 33.
        var r = StateDictMatcher.Match(Pretrained(), ScgptParameters.For(TinyConfigs.Generator), LoadMode.Pretrained,
            "best_model.pt", StateDictMatcher.PerturbationPrefixes);
        Assert.Equal(AttentionLayout.FlashWqkv, r.Layout);
        Assert.Equal(33, r.Loaded.Count);
        Assert.Contains(r.Loaded, a => a is { ModelKey: "transformer_encoder.layers.1.self_attn.in_proj_weight", CheckpointKey: "transformer_encoder.layers.1.self_attn.Wqkv.weight" });
        // flag_encoder does not start with "encoder"; decoder.fc and mvc_decoder are outside the prefixes.
        Assert.Equal(["flag_encoder.weight", "decoder.fc.0.weight", "decoder.fc.0.bias", "decoder.fc.2.weight", "decoder.fc.2.bias",
            "decoder.fc.4.weight", "decoder.fc.4.bias", "mvc_decoder.gene2query.weight", "mvc_decoder.gene2query.bias", "mvc_decoder.W.weight"],
            r.SkippedByPrefix);
        Assert.Empty(r.Unexpected);
        // pert_encoder (1) + affine decoder (2×6) + cls_decoder (2×4 + 2) stay initialised.
        Assert.Equal(23, r.Missing.Count);
        Assert.Contains("pert_encoder.weight", r.Missing);
        Assert.Contains("Loading parameter encoder.embedding.weight with shape torch.Size([23, 16])", r.Describe());
    }

    [Fact]
    public void Should_never_drop_the_attention_weights_the_way_the_annotation_tutorial_shape_filter_does()
    {
        // The tutorial keeps `k in model_dict and shape equal` WITHOUT renaming, so every Wqkv tensor is skipped
        // (spec §4.6). Renaming first loads them: all 4 in_proj tensors of the 2 layers are assigned.
        var r = StateDictMatcher.Match(Pretrained(), ScgptParameters.For(TinyConfigs.Classifier), LoadMode.Pretrained, "best_model.pt");
        Assert.Equal(4, r.Loaded.Count(a => a.ModelKey.Contains("in_proj_")));
        Assert.Equal(9 + 24 + 6, r.Loaded.Count);   // encoder, value_encoder, layers, decoder.fc
        Assert.Equal(["flag_encoder.weight", "mvc_decoder.gene2query.weight", "mvc_decoder.gene2query.bias", "mvc_decoder.W.weight"], r.Unexpected);
        Assert.All(r.Missing, k => Assert.StartsWith("cls_decoder.", k));
        Assert.Equal(10, r.Missing.Count);
    }

    [Theory]
    [InlineData(AttentionLayout.InProj)]
    [InlineData(AttentionLayout.FlashWqkv)]
    [InlineData(AttentionLayout.FlashImplWqkv)]
    public void Should_strictly_load_a_finetuned_checkpoint_in_each_attention_layout(AttentionLayout layout)
    {
        var model = ScgptParameters.For(TinyConfigs.Generator);
        var file = model.Select(p => new KeyValuePair<string, long[]>(AttentionKeyMapper.FromInProj(p.Name, layout), p.Shape)).ToList();
        var r = StateDictMatcher.Match(file, model, LoadMode.Strict, "best_model.pt");
        Assert.True(r.IsComplete);
        Assert.Equal(layout, r.Layout);
        Assert.Equal(model.Count, r.Loaded.Count);
    }

    [Fact]
    public void Should_fail_a_strict_load_listing_missing_unexpected_and_resized_keys_as_torch_does()
    {
        var model = ScgptParameters.For(TinyConfigs.Generator);
        var file = model.Where(p => p.Name != "pert_encoder.weight")
            .Select(p => new KeyValuePair<string, long[]>(p.Name, p.Name == "cls_decoder.out_layer.weight" ? [7, 16] : p.Shape))
            .Append(new("bn.weight", [16])).ToList();
        var e = Assert.Throws<ScReproException>(() => StateDictMatcher.Match(file, model, LoadMode.Strict, "best_model.pt"));
        Assert.Contains("best_model.pt", e.Message);
        Assert.Contains("Missing key(s) in state_dict: \"pert_encoder.weight\".", e.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"bn.weight\"", e.Message);
        Assert.Contains("size mismatch for cls_decoder.out_layer.weight: copying a param with shape (7, 16) from checkpoint, the shape in current model is (1, 16)", e.Message);
    }

    [Fact]
    public void Should_refuse_a_checkpoint_that_mixes_attention_layouts()
    {
        var file = new List<KeyValuePair<string, long[]>>
        {
            new("transformer_encoder.layers.0.self_attn.Wqkv.weight", [48, 16]),
            new("transformer_encoder.layers.1.self_attn.in_proj_weight", [48, 16]),
        };
        var e = Assert.Throws<ScReproException>(() => AttentionKeyMapper.Detect(file.Select(kv => kv.Key), "x.pt"));
        Assert.Contains("mix layouts", e.Message);
    }

    [Theory]
    [InlineData("transformer_encoder.layers.3.self_attn.Wqkv.weight", "transformer_encoder.layers.3.self_attn.in_proj_weight")]
    [InlineData("transformer_encoder.layers.3.self_attn.Wqkv.bias", "transformer_encoder.layers.3.self_attn.in_proj_bias")]
    [InlineData("transformer_encoder.layers.3.self_attn._impl.Wqkv.weight", "transformer_encoder.layers.3.self_attn.in_proj_weight")]
    [InlineData("transformer_encoder.layers.3.self_attn._impl.out_proj.bias", "transformer_encoder.layers.3.self_attn.out_proj.bias")]
    [InlineData("transformer_encoder.layers.3.self_attn.out_proj.weight", "transformer_encoder.layers.3.self_attn.out_proj.weight")]
    [InlineData("encoder.embedding.weight", "encoder.embedding.weight")]
    public void Should_rename_with_scgpt_load_pretrained_rules(string key, string expected) =>
        // Rules: scgpt/utils/util.py @cebd6fa (spec §4.6).
        Assert.Equal(expected, AttentionKeyMapper.ToInProj(key));
}
