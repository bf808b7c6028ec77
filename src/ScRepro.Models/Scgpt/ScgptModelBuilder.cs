using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt;

/// <summary>A built model with what the card needs to say about how it was initialised.</summary>
public sealed record BuiltModel(ScgptNetwork Model, GeneVocab Vocab, ScgptConfig Config, LoadReport? Pretrained, long Trainable, long Frozen)
{
    /// <summary>
    /// Writes vocab.json and args.json into <paramref name="dir"/>, so that with best_model.pt it is a complete scGPT
    /// model folder (`screpro predict --model-dir` and scGPT's own loaders read it back).
    /// </summary>
    public void WriteModelFolder(string dir, int maxSeqLen)
    {
        Foundation.IO.AtomicFile.WriteAllText(Path.Combine(dir, PretrainedFolder.VocabFile), Vocab.ToJson());
        Foundation.IO.AtomicFile.WriteAllText(Path.Combine(dir, PretrainedFolder.ArgsFile), ScgptArgs.FromConfig(Config, maxSeqLen).ToJson());
    }
}

/// <summary>
/// Builds the recipe's model: from scratch (seeded init, vocab = the dataset's genes + specials) or from a pretrained
/// folder (its args.json and vocab; weights by name, perturbation with the tutorial's prefixes, annotation without),
/// then applies the freeze rule.
/// </summary>
public static class ScgptModelBuilder
{
    /// <summary>Where scGPT models train and predict: the first GPU when libtorch sees one, else the CPU.</summary>
    public static Device DefaultDevice => cuda.is_available() ? new Device(Torch.DeviceType.CUDA, 0) : CPU;

    public static BuiltModel Build(ScgptRecipe recipe, IReadOnlyList<string> genes, int nCls, long seed, string? pretrainedDir)
    {
        manual_seed(seed);
        if (recipe.Pretrained is not null && pretrainedDir is null)
            throw new ScReproException($"recipe names pretrained '{recipe.Pretrained}' but no pretrained folder was given");
        GeneVocab vocab;
        ScgptConfig config;
        PretrainedFolder? folder = null;
        if (pretrainedDir is null)
        {
            vocab = GeneVocab.FromGenes(genes.Distinct(StringComparer.Ordinal));
            config = recipe.ScratchConfig(vocab.Count, vocab.PadId, nCls);
        }
        else
        {
            folder = PretrainedFolder.Load(pretrainedDir);
            vocab = folder.Vocab;
            config = folder.Args.ToConfig(recipe.Variant, vocab, nCls, recipe.Dropout, recipe.PadValue, recipe.PertPadId) with
            {
                BatchNorm = recipe.Variant == ScgptVariant.Generator2023,
                NBins = recipe.NBins,
            };
        }
        ScgptNetwork model = recipe.Variant == ScgptVariant.Classifier ? new TransformerModel(config) : new TransformerGenerator(config);
        LoadReport? report = null;
        if (folder is not null)
        {
            var prefixes = recipe.Variant == ScgptVariant.Classifier ? null : StateDictMatcher.PerturbationPrefixes;
            report = folder.Match(config, LoadMode.Pretrained, prefixes);
            ScgptWeights.Load(model, folder.StateDict, report);
        }
        long frozen = 0, trainable = 0;
        foreach (var (name, p) in model.named_parameters())
        {
            if (recipe.Freeze == "pre_decoder" && ScgptParameters.IsFrozenPreDecoder(name))
            {
                p.requires_grad_(false);
                frozen += p.numel();
            }
            else trainable += p.numel();
        }
        return new BuiltModel(model, vocab, config, report, trainable, frozen);
    }
}
