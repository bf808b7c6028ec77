using System.Text.Json.Nodes;

namespace ScRepro.Splits.Files;

/// <summary>
/// A split as ScRepro stores it (JSON via ScRepro.Foundation.IO.Json, snake_case): what made it (policy, parameters, seed,
/// source lock hash), the members of each part in the generator's order, counts, and <see cref="MembershipHash"/>.
/// For GEARS splits <see cref="Train"/>/<see cref="Val"/>/<see cref="Test"/> mirror GEARS' split pickle and
/// <see cref="Subgroup"/> its _subgroup.pkl; for annotation splits members are obs_names and
/// <see cref="ClassCounts"/> gives the label counts per part.
/// </summary>
public sealed record SplitFile
{
    /// <summary>The file format tag; readers refuse any other.</summary>
    public const string CurrentFormat = "screpro-split/1";

    public string Format { get; init; } = CurrentFormat;

    /// <summary>SCHEMA.md's policy name (gears_simulation, stratified, holdout, fewshot, resample, file …).</summary>
    public required string Policy { get; init; }

    /// <summary>The seed the generator was given (recorded even where a policy draws nothing).</summary>
    public required long Seed { get; init; }

    /// <summary>Policy parameters as used, with defaults filled in; keys sorted.</summary>
    public required SortedDictionary<string, object?> Parameters { get; init; }

    /// <summary>The source dataset's lock hash, as supplied by the caller; null when unknown.</summary>
    public string? SourceLockHash { get; init; }

    /// <summary>What a member is: "condition" (perturbation names) or "obs" (obs_names).</summary>
    public required string Unit { get; init; }

    /// <summary>See <see cref="Files.MembershipHash"/>.</summary>
    public required string MembershipHash { get; init; }

    /// <summary>Member count per part (train, val, test).</summary>
    public required SortedDictionary<string, int> Counts { get; init; }

    /// <summary>Annotation splits: per part, per class (sorted), the member count; null for perturbation splits.</summary>
    public SortedDictionary<string, SortedDictionary<string, int>>? ClassCounts { get; init; }

    public required IReadOnlyList<string> Train { get; init; }
    public required IReadOnlyList<string> Val { get; init; }
    public required IReadOnlyList<string> Test { get; init; }

    /// <summary>GEARS: {test_subgroup, val_subgroup} → {combo_seen0, combo_seen1, combo_seen2, unseen_single} → list.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? Subgroup { get; init; }

    /// <summary>Caller-supplied provenance (git commit, tool versions …); ScRepro.Splits never fills it in.</summary>
    public JsonObject? Provenance { get; init; }
}
