using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class ScgptArgsTests
{
    [Fact]
    public void Should_choose_the_config_from_args_json()
    {
        // Fixture args.json: embsize 16, nheads 4, d_hid 24, nlayers 2, n_layers_cls 3 (make_scgpt_fixtures.py).
        var folder = Fixtures.Path("scgpt_tiny_pretrained");
        var args = ScgptArgs.Load(Path.Combine(folder, "args.json"));
        var vocab = GeneVocab.Load(Path.Combine(folder, "vocab.json"));
        var c = args.ToConfig(ScgptVariant.Classifier, vocab, nCls: 5, padValue: -2);
        Assert.Equal((23, 16, 4, 24, 2, 3, 5, 20), (c.NToken, c.DModel, c.NHead, c.DHid, c.NLayers, c.NLayersCls, c.NCls, c.PadTokenId));
        Assert.Equal(4, c.HeadDim);
        Assert.Equal(0.2, args.Dropout);
        Assert.Equal(-2, args.PadValue);
    }

    [Theory]
    [InlineData("{\"nheads\": 8, \"d_hid\": 512, \"nlayers\": 12, \"n_layers_cls\": 3}", "'embsize' is missing")]
    [InlineData("{\"embsize\": \"512\", \"nheads\": 8, \"d_hid\": 512, \"nlayers\": 12, \"n_layers_cls\": 3}", "'embsize' must be a positive integer")]
    [InlineData("{\"embsize\": 512, \"nheads\": 7, \"d_hid\": 512, \"nlayers\": 12, \"n_layers_cls\": 3}", "not a multiple of nheads")]
    [InlineData("{\"embsize\": 512, \"nheads\": 8, \"d_hid\": 512, \"nlayers\": 12, \"n_layers_cls\": 3, \"input_emb_style\": \"category\"}", "input_emb_style 'category'")]
    public void Should_reject_bad_args_naming_the_key(string json, string expected)
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("args.json"), json);
        var e = Assert.Throws<ScReproException>(() => ScgptArgs.Load(dir.File("args.json")));
        Assert.Contains("args.json", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
