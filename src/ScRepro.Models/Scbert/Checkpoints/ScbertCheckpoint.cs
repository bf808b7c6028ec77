using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scbert.Checkpoints;

/// <summary>
/// scBERT checkpoints (scale-gpu-models.md §3.1): utils.save_ckpt's dict {epoch, model_state_dict,
/// optimizer_state_dict, scheduler_state_dict, losses}, of which only <c>model_state_dict</c> is read (the pretrained
/// panglao_pretrain.pth with its 91 keys, float64 <c>pos_emb.emb.weight</c> and the 0-dim int64 counter, or a
/// fine-tuned *_best.pth with the head's keys); a bare state dict is accepted too. Loading is strict, as finetune.py's
/// load_state_dict: every key, shape and dtype kind must match, or nothing is copied.
/// </summary>
public static class ScbertCheckpoint
{
    public const string StateDictKey = "model_state_dict";

    /// <summary>The model state dict inside the file, in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, StoredTensor>> ReadModelStateDict(string path)
    {
        var root = TorchCheckpoint.Read(path).Root;
        if (root is not OrderedDictionary<object, object?> dict)
            throw new ScReproException($"scBERT checkpoint {path}: expected a dict (save_ckpt's or a state dict), found {Describe(root)}");
        var stateDict = dict.TryGetValue(StateDictKey, out var inner) ? inner : dict;
        if (stateDict is not OrderedDictionary<object, object?> entries)
            throw new ScReproException($"scBERT checkpoint {path}: key '{StateDictKey}' holds {Describe(stateDict)}, not a state dict");
        var result = new List<KeyValuePair<string, StoredTensor>>(entries.Count);
        foreach (var (k, v) in entries)
        {
            if (k is not string key || v is not StoredTensor t)
                throw new ScReproException(ReferenceEquals(stateDict, dict)
                    ? $"scBERT checkpoint {path}: neither a '{StateDictKey}' entry nor a state dict (entry '{k}' holds {Describe(v)})"
                    : $"scBERT checkpoint {path}: '{StateDictKey}' entry '{k}' holds {Describe(v)}, not a tensor");
            result.Add(new(key, t));
        }
        return result;
    }

    /// <summary>Strict load (missing, unexpected, a shape or a dtype kind that differs: one error naming the file and the keys).</summary>
    public static void LoadStrict(nn.Module model, IReadOnlyList<KeyValuePair<string, StoredTensor>> stateDict, string path)
    {
        var own = model.state_dict();
        var given = stateDict.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var missing = own.Keys.Where(k => !given.ContainsKey(k)).ToList();
        var unexpected = given.Keys.Where(k => !own.ContainsKey(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new ScReproException($"scBERT checkpoint {path} does not fit the model: "
                + (missing.Count > 0 ? $"missing {string.Join(", ", missing.Take(8))}{More(missing)}" : "")
                + (missing.Count > 0 && unexpected.Count > 0 ? "; " : "")
                + (unexpected.Count > 0 ? $"unexpected {string.Join(", ", unexpected.Take(8))}{More(unexpected)}" : ""));
        foreach (var (key, target) in own)
        {
            var stored = given[key];
            if (!stored.Shape.SequenceEqual(target.shape))
                throw new ScReproException($"scBERT checkpoint {path}: '{key}' has shape [{string.Join(", ", stored.Shape)}], "
                    + $"the model's is [{string.Join(", ", target.shape)}]");
            if (stored.DType.IsFloatingPoint() != target.is_floating_point())
                throw new ScReproException($"scBERT checkpoint {path}: '{key}' is {stored.DTypeName}, the model's is {target.dtype}");
        }
        using var _ = no_grad();
        foreach (var (key, target) in own)
        {
            using var scope = NewDisposeScope();
            target.copy_(TensorBridge.ToTensor(given[key]).to(target.dtype, target.device));
        }
    }

    /// <summary>Reads and strictly loads <paramref name="path"/> into <paramref name="model"/>.</summary>
    public static void Load(nn.Module model, string path) => LoadStrict(model, ReadModelStateDict(path), path);

    /// <summary>Writes save_best_ckpt's layout ({epoch, model_state_dict, losses}) atomically, loadable by scBERT's scripts.</summary>
    public static void Save(nn.Module model, string path, int epoch, double loss)
    {
        var stateDict = new TorchOrderedDict();
        foreach (var (k, v) in ScgptWeights.ToStateDict(model)) stateDict.Add(k, v);
        var root = new OrderedDictionary<object, object?>
        {
            ["epoch"] = (long)epoch,
            [StateDictKey] = stateDict,
            ["losses"] = loss,
        };
        TorchCheckpoint.Write(path, root);
    }

    private static string More(List<string> keys) => keys.Count > 8 ? $" and {keys.Count - 8} more" : "";

    private static string Describe(object? value) => value switch
    {
        null => "None",
        StoredTensor t => $"a tensor {t}",
        OrderedDictionary<object, object?> d => $"a dict of {d.Count} entries",
        _ => $"a {value.GetType().Name}",
    };
}
