using System.Text.Json;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Logistic;

/// <summary>The train/test (and optional val) obs_names of a split file.</summary>
public sealed record SplitNames(IReadOnlyList<string> Train, IReadOnlyList<string> Test, IReadOnlyList<string> Val)
{
    /// <summary>
    /// Reads the project's split file or a plain {"train": [...], "test": [...]}: top-level string arrays "train" and
    /// "test" are required, "val" is optional; every other key (policy, seed, hashes, counts) is ignored here.
    /// </summary>
    public static SplitNames Read(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: split file not found");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new ScReproException($"{path}: not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ScReproException($"{path}: expected a JSON object with 'train' and 'test' lists");
            string[] Part(string name, bool required)
            {
                if (!doc.RootElement.TryGetProperty(name, out var e))
                    return required ? throw new ScReproException($"{path}: missing field '{name}' (a list of obs_names)") : [];
                if (e.ValueKind != JsonValueKind.Array)
                    throw new ScReproException($"{path}: field '{name}' must be a list of obs_names");
                return e.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.String
                    ? v.GetString()!
                    : throw new ScReproException($"{path}: field '{name}'[{i}] is not a string")).ToArray();
            }
            var split = new SplitNames(Part("train", true), Part("test", true), Part("val", false));
            var overlap = split.Train.Intersect(split.Test, StringComparer.Ordinal).FirstOrDefault();
            if (overlap is not null) throw new ScReproException($"{path}: cell '{overlap}' is in both 'train' and 'test'");
            return split;
        }
    }
}
