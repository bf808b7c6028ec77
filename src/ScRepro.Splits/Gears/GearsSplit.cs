namespace ScRepro.Splits.Gears;

/// <summary>
/// A GEARS simulation split as GEARS writes it: <see cref="Train"/>/<see cref="Val"/>/<see cref="Test"/> are
/// set2conditions (order of first appearance in the input, 'ctrl' in train at its own position) and
/// <see cref="Subgroup"/> is the _subgroup.pkl dict (test_subgroup, val_subgroup) in GEARS' list order.
/// </summary>
public sealed record GearsSplit(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Val,
    IReadOnlyList<string> Test,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Subgroup,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Excluded);
