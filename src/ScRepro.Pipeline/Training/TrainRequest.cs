using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Training;

/// <summary>What a trainer gets: the model manifest, the seed, the data, the split and where to write.</summary>
public sealed record TrainRequest(
    RunContext Context,
    ModelManifest Model,
    long Seed,
    AnnData.AnnData Data,
    SplitMembers Split,
    string OutputDir);

/// <summary>A split's parts (perturbation names or obs_names, in the generator's order) and identity.</summary>
public sealed record SplitMembers(IReadOnlyList<string> Train, IReadOnlyList<string> Val, IReadOnlyList<string> Test,
    string MembershipHash, string Policy, string Counts);
