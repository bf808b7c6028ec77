using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class CheckpointInspectorTests
{
    [Theory]
    [InlineData("generator", ScgptVariant.Generator, 1, false)]
    [InlineData("generator2023", ScgptVariant.Generator2023, 1, true)]
    [InlineData("classifier_ncls21", ScgptVariant.Classifier, 21, false)]
    public void Should_tell_the_variant_and_sizes_from_the_keys(string fixture, ScgptVariant variant, int nCls, bool bn)
    {
        var keys = Fixtures.Listing(Fixtures.Json("whole_human_key_listings.json").GetProperty(fixture).GetProperty("keys"));
        var info = ScgptCheckpointInspector.Inspect(keys, fixture);
        Assert.Equal(variant, info.Variant);
        Assert.Equal((60697, 512, 512, 12, 3, nCls, bn), (info.NToken, info.DModel, info.DHid, info.NLayers, info.NLayersCls, info.NCls, info.BatchNorm));
        Assert.Equal(AttentionLayout.InProj, info.Layout);
    }

    [Fact]
    public void Should_see_a_foundation_checkpoint_as_no_variant_with_flash_attention()
    {
        var info = ScgptCheckpointInspector.Inspect(Fixtures.Listing(Fixtures.Json("pretrained_tiny_keys.json")), "best_model.pt");
        Assert.Null(info.Variant);
        Assert.Equal(AttentionLayout.FlashWqkv, info.Layout);
        Assert.Equal((23, 16, 24, 2), (info.NToken, info.DModel, info.DHid, info.NLayers));
    }

    [Fact]
    public void Should_reject_a_state_dict_without_the_gene_embedding()
    {
        var e = Assert.Throws<ScReproException>(() => ScgptCheckpointInspector.Inspect([new("fc.weight", [2, 2])], "other.pt"));
        Assert.Contains("other.pt", e.Message);
        Assert.Contains("encoder.embedding.weight", e.Message);
    }
}
