namespace ScRepro.Splits.Gears;

/// <summary>One call of GEARS' get_simulation_split(_single): its train and test lists and the subgroup lists.</summary>
public sealed record GearsStage(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Test,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Subgroup);
