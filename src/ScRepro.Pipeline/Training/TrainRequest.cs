using ScRepro.Contracts;
using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Training;

/// <summary>What a trainer gets: the model manifest, the seed, the data, the split and where to write.</summary>
public sealed record TrainRequest(
    RunContext Context,
    ModelManifest Model,
    long Seed,
    AnnData.AnnotatedData Data,
    SplitMembers Split,
    string OutputDir);
