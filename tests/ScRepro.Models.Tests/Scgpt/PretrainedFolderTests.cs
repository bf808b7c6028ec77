using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class PretrainedFolderTests
{
    [Fact]
    public void Should_load_a_pretrained_folder_and_plan_the_perturbation_load()
    {
        // scgpt_tiny_pretrained: torch.save of an OrderedDict with the whole-human key set at tiny size (spec §5).
        var f = PretrainedFolder.Load(Fixtures.Path("scgpt_tiny_pretrained"));
        Assert.Null(f.Info.Variant);
        Assert.Equal(AttentionLayout.FlashWqkv, f.Info.Layout);
        var config = f.Args.ToConfig(ScgptVariant.Generator, f.Vocab);
        var r = f.Match(config, LoadMode.Pretrained, StateDictMatcher.PerturbationPrefixes);
        Assert.Equal(33, r.Loaded.Count);
        Assert.Throws<ScReproException>(() => f.FineTunedConfig());
    }

    [Theory]
    // Real torch.save files written by make_scgpt_fixtures.py from the PyTorch re-definitions.
    [InlineData("generator_inproj.pt", AttentionLayout.InProj, ScgptVariant.Generator)]
    [InlineData("generator_wqkv.pt", AttentionLayout.FlashWqkv, ScgptVariant.Generator)]
    [InlineData("generator_impl_wqkv.pt", AttentionLayout.FlashImplWqkv, ScgptVariant.Generator)]
    [InlineData("generator2023_inproj.pt", AttentionLayout.InProj, ScgptVariant.Generator2023)]
    [InlineData("generator2023_wqkv.pt", AttentionLayout.FlashWqkv, ScgptVariant.Generator2023)]
    [InlineData("classifier_inproj.pt", AttentionLayout.InProj, ScgptVariant.Classifier)]
    public void Should_strictly_match_every_fixture_checkpoint_to_its_config(string file, AttentionLayout layout, ScgptVariant variant)
    {
        var sd = TorchCheckpoint.ReadStateDict(Fixtures.Path(file));
        var shapes = sd.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.Shape.ToArray())).ToList();
        var info = ScgptCheckpointInspector.Inspect(shapes, file);
        Assert.Equal((variant, layout), (info.Variant, info.Layout));
        var config = variant switch
        {
            ScgptVariant.Generator => TinyConfigs.Generator,
            ScgptVariant.Generator2023 => TinyConfigs.Generator2023,
            _ => TinyConfigs.Classifier,
        };
        var r = StateDictMatcher.Match(shapes, ScgptParameters.For(config), LoadMode.Strict, file);
        Assert.Equal(shapes.Count, r.Loaded.Count);
    }

    [Fact]
    public void Should_reject_a_folder_whose_vocab_does_not_fit_the_embedding()
    {
        using var dir = TestPaths.NewTempDir();
        var src = Fixtures.Path("scgpt_tiny_pretrained");
        foreach (var name in new[] { "args.json", "best_model.pt" }) File.Copy(Path.Combine(src, name), dir.File(name));
        File.WriteAllText(dir.File("vocab.json"), ScRepro.Models.Scgpt.GeneVocab.FromGenes(["A", "B"]).ToJson());
        var e = Assert.Throws<ScReproException>(() => PretrainedFolder.Load(dir.Path));
        Assert.Contains("23 rows", e.Message);
        Assert.Contains("5 tokens", e.Message);
    }
}
