using ScRepro.Models.Scgpt.Config;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class ScgptParametersTests
{
    private static ScgptConfig WholeHuman(ScgptVariant v, int nCls = 1) => new()
    {
        Variant = v, NToken = 60697, PadTokenId = 60694, NCls = nCls,
        PertPadId = v == ScgptVariant.Generator2023 ? 2 : 0, BatchNorm = v == ScgptVariant.Generator2023,
    };

    [Theory]
    // Expected listings: the PyTorch re-definitions in make_scgpt_fixtures.py instantiated at whole-human size.
    [InlineData(ScgptVariant.Generator, 1, "generator")]
    [InlineData(ScgptVariant.Generator2023, 1, "generator2023")]
    [InlineData(ScgptVariant.Classifier, 21, "classifier_ncls21")]
    public void Should_list_exactly_the_keys_and_shapes_of_the_pytorch_model(ScgptVariant v, int nCls, string fixture)
    {
        var expected = Fixtures.Listing(Fixtures.Json("whole_human_key_listings.json").GetProperty(fixture).GetProperty("keys"));
        var actual = ScgptParameters.For(WholeHuman(v, nCls));
        Assert.Equal(expected.Select(kv => $"{kv.Key} ({string.Join(", ", kv.Value)})"), actual.Select(p => p.ToString()));
    }

    [Fact]
    public void Should_count_the_parameters_the_spec_and_the_paper_give()
    {
        // spec §1.2: generator 51,859,459; spec §7: classifier with 21 cell types 51,342,358 (the scGPT paper's figure).
        Assert.Equal(51_859_459, ScgptParameters.CountParameters(WholeHuman(ScgptVariant.Generator)));
        Assert.Equal(51_342_358, ScgptParameters.CountParameters(WholeHuman(ScgptVariant.Classifier, 21)));
    }

    [Fact]
    public void Should_freeze_the_pre_decoder_as_the_paper_counts_it()
    {
        // spec §7: frozen = embedding + enc_norm + value_encoder = 31,342,592; trainable 19,999,766 (paper, n_cls 21).
        var specs = ScgptParameters.For(WholeHuman(ScgptVariant.Classifier, 21));
        var frozen = specs.Where(p => ScgptParameters.IsFrozenPreDecoder(p.Name)).Sum(p => p.NumElements);
        Assert.Equal(31_342_592, frozen);
        Assert.Equal(19_999_766, specs.Sum(p => p.NumElements) - frozen);
        Assert.False(ScgptParameters.IsFrozenPreDecoder("pert_encoder.weight"));
    }
}
