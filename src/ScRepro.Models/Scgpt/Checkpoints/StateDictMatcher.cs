using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Config;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>
/// Matches a checkpoint's (key, shape) list to a model's parameters by name, after renaming flash attention keys.
/// Pure name and shape logic: the caller copies the tensors the plan names.
/// Unlike the annotation tutorial's shape filter, attention keys are renamed BEFORE matching, so they are never
/// dropped silently (spec §4.6); anything not loaded is listed in the report.
/// </summary>
public static class StateDictMatcher
{
    /// <summary>The prefixes the perturbation tutorial loads from the whole-human checkpoint.</summary>
    public static readonly IReadOnlyList<string> PerturbationPrefixes = ["encoder", "value_encoder", "transformer_encoder"];

    public static LoadReport Match(
        IReadOnlyList<KeyValuePair<string, long[]>> checkpoint,
        IReadOnlyList<ParameterSpec> model,
        LoadMode mode,
        string source,
        IReadOnlyList<string>? prefixes = null)
    {
        var layout = AttentionKeyMapper.Detect(checkpoint.Select(kv => kv.Key), source);
        var modelByName = model.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var loaded = new List<KeyAssignment>();
        var unexpected = new List<string>();
        var mismatched = new List<ShapeMismatch>();
        var skipped = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, shape) in checkpoint)
        {
            var name = AttentionKeyMapper.ToInProj(key);
            // scGPT filters by prefix after renaming, with str.startswith (so "flag_encoder" is not under "encoder").
            if (prefixes is { Count: > 0 } && !prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                skipped.Add(key);
                continue;
            }
            if (!modelByName.TryGetValue(name, out var spec))
            {
                unexpected.Add(key);
                continue;
            }
            if (!taken.Add(name))
                throw new ScReproException($"{source}: keys '{key}' and another both map to model parameter '{name}'");
            if (!spec.Shape.SequenceEqual(shape))
            {
                mismatched.Add(new ShapeMismatch(key, shape, spec.Shape));
                continue;
            }
            loaded.Add(new KeyAssignment(name, key, shape));
        }
        // As torch: missing = model keys the file lacks; a key present with the wrong shape is a size mismatch only.
        var missing = model.Where(p => !taken.Contains(p.Name)).Select(p => p.Name).ToList();
        var report = new LoadReport(source, mode, layout, loaded, missing, unexpected, mismatched, skipped);
        if (mode == LoadMode.Strict && !report.IsComplete) throw new ScReproException(StrictError(report));
        return report;
    }

    /// <summary>torch's wording: "Error(s) in loading state_dict … Missing key(s) … Unexpected key(s) … size mismatch for …".</summary>
    private static string StrictError(LoadReport r)
    {
        var parts = new List<string>();
        if (r.Missing.Count > 0) parts.Add($"Missing key(s) in state_dict: {Quote(r.Missing)}");
        if (r.Unexpected.Count > 0) parts.Add($"Unexpected key(s) in state_dict: {Quote(r.Unexpected)}");
        foreach (var m in r.ShapeMismatches)
            parts.Add($"size mismatch for {m.Key}: copying a param with shape ({string.Join(", ", m.CheckpointShape)}) from checkpoint, " +
                      $"the shape in current model is ({string.Join(", ", m.ModelShape)})");
        return $"{r.Source}: error(s) in loading state_dict: {string.Join(". ", parts)}";
    }

    private static string Quote(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        var shown = list.Take(8).Select(k => $"\"{k}\"");
        return string.Join(", ", shown) + (list.Count > 8 ? $", … ({list.Count} in all)" : "");
    }
}
