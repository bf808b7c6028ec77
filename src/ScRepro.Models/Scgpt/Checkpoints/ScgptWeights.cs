using ScRepro.Foundation.Errors;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>Copies checkpoint tensors into an scGPT model by the plan a <see cref="LoadReport"/> holds, and writes a
/// model back as best_model.pt (torch.save zip, OrderedDict, in_proj names: what scGPT loads with
/// use_fast_transformer=False, the seed card's layout).</summary>
public static class ScgptWeights
{
    /// <summary>Copies every assignment of <paramref name="report"/> from <paramref name="stateDict"/> into <paramref name="model"/>.</summary>
    public static void Load(nn.Module model, IReadOnlyList<KeyValuePair<string, StoredTensor>> stateDict, LoadReport report)
    {
        var own = model.state_dict();
        var byKey = new Dictionary<string, StoredTensor>(StringComparer.Ordinal);
        foreach (var (k, v) in stateDict) byKey[k] = v;
        using var _ = no_grad();
        foreach (var a in report.Loaded)
        {
            if (!own.TryGetValue(a.ModelKey, out var target))
                throw new ScReproException($"{report.Source}: the model has no parameter '{a.ModelKey}' (the parameter listing and the module disagree)", 1);
            using var scope = NewDisposeScope();
            var source = TensorBridge.ToTensor(byKey[a.CheckpointKey]);
            target.copy_(source.to(target.dtype, target.device));
        }
    }

    /// <summary>The model's state dict as StoredTensors, in PyTorch's order.</summary>
    public static List<KeyValuePair<string, StoredTensor>> ToStateDict(nn.Module model) =>
        model.state_dict().Select(kv => new KeyValuePair<string, StoredTensor>(kv.Key, TensorBridge.ToStored(kv.Value))).ToList();

    /// <summary>Writes best_model.pt atomically (archive folder named after the file, as torch 1.13 does).</summary>
    public static void Save(nn.Module model, string path) => TorchCheckpoint.WriteStateDict(path, ToStateDict(model));
}
