namespace ScRepro.Contracts;

/// <summary>Geneformer's BERT cell classifier as trained: the config, the tokenizer and dictionaries, the fine-tuning knobs.</summary>
public sealed record GeneformerModelDetails(
    string Architecture,
    int HiddenSize,
    int NumHiddenLayers,
    int NumAttentionHeads,
    int IntermediateSize,
    int VocabSize,
    int ModelInputSize,
    string Tokenizer,
    string Dictionaries,
    int NCls,
    long TrainableParameters,
    long FrozenParameters,
    string Init,
    int FreezeLayers,
    double Lr,
    int WarmupSteps,
    double WeightDecay,
    int BatchSize,
    int TrainCells,
    int ValCells,
    string ValSource,
    int TestCells,
    long Seed) : ModelDetails;
