namespace ScRepro.Evaluation.Perturbation.Papers;

/// <summary>
/// One perturbation's GEARS/scGPT correlations: pearson (means, all genes), pearson_de (means, top-20 DE genes),
/// pearson_delta and pearson_de_delta (mean − real control mean, for pred and truth alike). NaN is kept here.
/// </summary>
public sealed record PaperPearsonRow(
    string Perturbation,
    double Pearson,
    double PearsonDe,
    double PearsonDelta,
    double PearsonDeDelta,
    string[] DeGenes,
    string DeGenesSource,
    bool TrueMeanAllZero);
