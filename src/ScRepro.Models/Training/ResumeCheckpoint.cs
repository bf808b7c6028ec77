using ScRepro.Foundation.IO;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Training;

/// <summary>
/// The last epoch-boundary checkpoint of a run, in OUT/checkpoint/: model.pt (state dict), optimizer.pt (Adam's
/// exp_avg/exp_avg_sq/step per parameter index, flattened to "index.name") and progress.json. Written into a
/// temporary folder and renamed, so a kill mid-write leaves the previous checkpoint intact. Every random draw of an
/// epoch is seeded from (seed, epoch), so resuming from here replays the uninterrupted run exactly.
/// </summary>
public static class ResumeCheckpoint
{
    public const string Folder = "checkpoint";

    public static string PathIn(string outDir) => Path.Combine(outDir, Folder);

    public static bool Exists(string outDir) => File.Exists(Path.Combine(PathIn(outDir), "progress.json"));

    public static void Save(string outDir, nn.Module model, optim.Optimizer optimizer, TrainProgress progress)
    {
        var final = PathIn(outDir);
        var tmp = Path.Combine(outDir, $".{Folder}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(tmp);
        try
        {
            ScgptWeights.Save(model, Path.Combine(tmp, "model.pt"));
            var state = optimizer.state_dict().state;
            var flat = new List<KeyValuePair<string, StoredTensor>>();
            foreach (var (index, entries) in state)
            {
                foreach (var (name, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    if (value is not Tensor t) throw new InvalidOperationException($"optimizer state '{name}' is not a tensor");
                    flat.Add(new($"{index}.{name}", TensorBridge.ToStored(t)));
                }
            }
            TorchCheckpoint.WriteStateDict(Path.Combine(tmp, "optimizer.pt"), flat);
            Json.WriteFile(Path.Combine(tmp, "progress.json"), progress);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(tmp, final);
        }
        catch
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            throw;
        }
    }

    /// <summary>Restores model and optimizer in place and returns the progress to continue from.</summary>
    public static TrainProgress Load(string outDir, nn.Module model, optim.Optimizer optimizer)
    {
        var dir = PathIn(outDir);
        var sd = TorchCheckpoint.ReadStateDict(Path.Combine(dir, "model.pt"));
        using (var scope = NewDisposeScope())
        {
            var tensors = sd.ToDictionary(kv => kv.Key, kv => TensorBridge.ToTensor(kv.Value));
            model.load_state_dict(tensors, strict: true);
        }
        var state = new SortedDictionary<long, Dictionary<string, object>>();
        foreach (var (key, stored) in TorchCheckpoint.ReadStateDict(Path.Combine(dir, "optimizer.pt")))
        {
            var dot = key.IndexOf('.');
            var index = long.Parse(key[..dot], System.Globalization.CultureInfo.InvariantCulture);
            if (!state.TryGetValue(index, out var entries)) state[index] = entries = new Dictionary<string, object>();
            entries[key[(dot + 1)..]] = TensorBridge.ToTensor(stored).DetachFromDisposeScope();
        }
        var current = optimizer.state_dict();
        optimizer.load_state_dict(new optim.OptimizerStateDict(state, current.param_groups));
        return Json.Deserialize<TrainProgress>(File.ReadAllText(Path.Combine(dir, "progress.json")));
    }

    public static void Delete(string outDir)
    {
        if (Directory.Exists(PathIn(outDir))) Directory.Delete(PathIn(outDir), recursive: true);
    }
}
