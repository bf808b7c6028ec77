using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Torch.Serialization;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>
/// An scGPT model folder as the README distributes it (scGPT_human: args.json, vocab.json, best_model.pt), or as
/// ScRepro writes a fine-tuned model (the same three files). Reading it checks that the files agree: the vocab size
/// equals the embedding rows and args.json's sizes equal the tensor shapes.
/// </summary>
public sealed record PretrainedFolder(
    string Dir, ScgptArgs Args, GeneVocab Vocab, IReadOnlyList<KeyValuePair<string, StoredTensor>> StateDict, CheckpointInfo Info)
{
    public const string ArgsFile = "args.json";
    public const string VocabFile = "vocab.json";
    public const string ModelFile = "best_model.pt";

    public string ModelPath => Path.Combine(Dir, ModelFile);

    /// <summary>(key, shape) pairs of the state dict, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, long[]>> Shapes =>
        StateDict.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.Shape.ToArray())).ToList();

    public static PretrainedFolder Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new ScReproException($"{dir}: scGPT model folder not found");
        var args = ScgptArgs.Load(Path.Combine(dir, ArgsFile));
        var vocab = GeneVocab.Load(Path.Combine(dir, VocabFile));
        var modelPath = Path.Combine(dir, ModelFile);
        if (!File.Exists(modelPath)) throw new ScReproException($"{modelPath}: checkpoint not found");
        var sd = TorchCheckpoint.ReadStateDict(modelPath);
        var info = ScgptCheckpointInspector.Inspect(sd.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.Shape.ToArray())).ToList(), modelPath);
        if (info.NToken != vocab.Count)
            throw new ScReproException($"{modelPath}: encoder.embedding.weight has {info.NToken} rows but {Path.Combine(dir, VocabFile)} has {vocab.Count} tokens");
        if (info.DModel != args.EmbSize)
            throw new ScReproException($"{modelPath}: d_model {info.DModel} differs from {ArgsFile} embsize {args.EmbSize}");
        if (info.NLayers != args.NLayers)
            throw new ScReproException($"{modelPath}: {info.NLayers} transformer layers but {ArgsFile} nlayers is {args.NLayers}");
        if (info.NLayers > 0 && info.DHid != args.DHid)
            throw new ScReproException($"{modelPath}: d_hid {info.DHid} differs from {ArgsFile} d_hid {args.DHid}");
        return new PretrainedFolder(dir, args, vocab, sd, info);
    }

    /// <summary>The config of the model this folder holds (a fine-tuned one: its own variant and sizes).</summary>
    public ScgptConfig FineTunedConfig(double padValue = 0, int pertPadId = 0)
    {
        var variant = Info.Variant ?? throw new ScReproException(
            $"{ModelPath}: a pretrained foundation checkpoint (no task head); it cannot predict without fine-tuning");
        return Args.ToConfig(variant, Vocab, Info.NCls, dropout: 0, padValue, pertPadId) with
        {
            NLayersCls = Info.NLayersCls,
            BatchNorm = Info.BatchNorm,
        };
    }

    /// <summary>Matches this state dict to a model of <paramref name="config"/> (see <see cref="StateDictMatcher"/>).</summary>
    public LoadReport Match(ScgptConfig config, LoadMode mode, IReadOnlyList<string>? prefixes = null) =>
        StateDictMatcher.Match(Shapes, ScgptParameters.For(config), mode, ModelPath, prefixes);
}
