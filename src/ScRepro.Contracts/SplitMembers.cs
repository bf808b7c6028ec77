namespace ScRepro.Contracts;

/// <summary>A split's parts (perturbation names or obs_names, in the generator's order) and identity.</summary>
public sealed record SplitMembers(IReadOnlyList<string> Train, IReadOnlyList<string> Val, IReadOnlyList<string> Test,
    string MembershipHash, string Policy, string Counts);
