namespace ScRepro.Contracts;

/// <summary>scBERT's PerformerLM and its fine-tuning as trained: the architecture flags, what was trainable, the data.</summary>
public sealed record ScbertModelDetails(
    string Architecture,
    int Dim,
    int Depth,
    int Heads,
    int DimHead,
    int NbFeatures,
    int Positions,
    int BinNum,
    string PositionEmbedding,
    int? FeatureRedrawInterval,
    long ProjectionRedraws,
    string TrainableLayer,
    int NCls,
    long TrainableParameters,
    long FrozenParameters,
    string Init,
    string ClassWeight,
    string Preprocess,
    int BatchSize,
    int GradAccumulation,
    int TrainCells,
    int ValCells,
    string ValSource,
    int TestCells,
    long Seed) : ModelDetails;
