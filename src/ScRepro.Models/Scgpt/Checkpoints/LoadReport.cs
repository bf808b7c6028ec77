using System.Text;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>A checkpoint key whose shape differs from the model's parameter of the same (renamed) name.</summary>
public sealed record ShapeMismatch(string Key, long[] CheckpointShape, long[] ModelShape)
{
    public override string ToString() =>
        $"{Key}: checkpoint ({string.Join(", ", CheckpointShape)}) vs model ({string.Join(", ", ModelShape)})";
}

/// <summary>One tensor to copy: the model's parameter name and the checkpoint key it comes from.</summary>
public sealed record KeyAssignment(string ModelKey, string CheckpointKey, long[] Shape);

/// <summary>
/// What a load did, key by key: the card prints it and a strict load fails on it. Field names follow
/// torch's load_state_dict (missing = model keys not in the file, unexpected = file keys not in the model).
/// </summary>
public sealed record LoadReport(
    string Source,
    LoadMode Mode,
    AttentionLayout Layout,
    IReadOnlyList<KeyAssignment> Loaded,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<ShapeMismatch> ShapeMismatches,
    IReadOnlyList<string> SkippedByPrefix)
{
    /// <summary>Model parameters that keep their initial values: missing ones and those whose shape did not match.</summary>
    public IReadOnlyList<string> LeftInitialised =>
        [.. Missing, .. ShapeMismatches.Select(m => AttentionKeyMapper.ToInProj(m.Key))];

    public bool IsComplete => Missing.Count == 0 && Unexpected.Count == 0 && ShapeMismatches.Count == 0;

    /// <summary>scGPT's log lines ("Loading parameter K with shape torch.Size([…])"), then what was not loaded.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append($"{Source}: attention layout {Layout}, {Loaded.Count} tensors loaded\n");
        foreach (var a in Loaded) sb.Append($"Loading parameter {a.ModelKey} with shape torch.Size([{string.Join(", ", a.Shape)}])\n");
        if (SkippedByPrefix.Count > 0) sb.Append($"Skipped (outside the prefixes): {string.Join(", ", SkippedByPrefix)}\n");
        if (Unexpected.Count > 0) sb.Append($"Unexpected key(s) in state_dict: {string.Join(", ", Unexpected)}\n");
        if (ShapeMismatches.Count > 0) sb.Append($"Size mismatch: {string.Join("; ", ShapeMismatches)}\n");
        if (LeftInitialised.Count > 0) sb.Append($"Left at their initial values: {string.Join(", ", LeftInitialised)}\n");
        return sb.ToString();
    }
}
