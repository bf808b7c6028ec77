namespace ScRepro.Contracts;

/// <summary>scGPT's architecture and initialisation as trained (TransformerGenerator or the classifier).</summary>
public sealed record ScgptModelDetails(
    string Architecture,
    string Variant,
    int DModel,
    int Nhead,
    int DHid,
    int Nlayers,
    int Ntoken,
    int? NCls,
    long TrainableParameters,
    long FrozenParameters,
    string Init,
    string? PretrainedAttentionLayout,
    int? PretrainedLoaded,
    IReadOnlyList<string>? PretrainedLeftInitialised,
    int? GenesInVocab,
    int? NGenes,
    int TrainCells,
    int ValCells,
    string? ValSource,
    int? PaddedLength,
    long Seed,
    double? FinalLr) : ModelDetails;
