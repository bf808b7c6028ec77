using System.Text.Json.Nodes;

namespace ScRepro.Splits;

/// <summary>
/// What a split is made from. Perturbation policies use <see cref="Conditions"/> (unique condition names in order of
/// first appearance in obs); annotation policies use <see cref="ObsNames"/> with <see cref="Labels"/> (cell types) and,
/// for held-out splits, <see cref="Batches"/>. <see cref="Source"/> names the input in error messages.
/// </summary>
public sealed record SplitInput
{
    public IReadOnlyList<string>? Conditions { get; init; }
    public IReadOnlyList<string>? ObsNames { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>True when the labels came from a numeric column: numpy then orders classes by value, not as text.</summary>
    public bool NumericLabels { get; init; }

    public IReadOnlyList<string?>? Batches { get; init; }

    /// <summary>The source dataset's lock hash, copied into the split file (null when unknown).</summary>
    public string? SourceLockHash { get; init; }

    /// <summary>Caller-supplied provenance copied into the split file as is.</summary>
    public JsonObject? Provenance { get; init; }

    /// <summary>The input's name for messages (a file path, or "input").</summary>
    public string Source { get; init; } = "input";

    /// <summary>A perturbation input from condition names (duplicates are dropped, first appearance kept).</summary>
    public static SplitInput FromConditions(IEnumerable<string> conditions, string source = "input") =>
        new() { Conditions = conditions.Distinct(StringComparer.Ordinal).ToArray(), Source = source };

    /// <summary>An annotation input: obs names with labels (and batches for held-out splits).</summary>
    public static SplitInput FromObs(IReadOnlyList<string> obsNames, IReadOnlyList<string>? labels,
        IReadOnlyList<string?>? batches = null, bool numericLabels = false, string source = "input") =>
        new() { ObsNames = obsNames, Labels = labels, Batches = batches, NumericLabels = numericLabels, Source = source };
}
