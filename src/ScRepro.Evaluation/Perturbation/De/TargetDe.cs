namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>
/// pdex's DE rows for one target against the reference, one entry per feature in var order
/// (target_mean and ref_mean are count-space geometric pseudobulks, expm1(mean log1p)).
/// </summary>
public sealed record TargetDe(
    string Target,
    int TargetMembership,
    int ReferenceMembership,
    double[] TargetMean,
    double[] ReferenceMean,
    double[] Log2FoldChange,
    double[] PercentChange,
    double[] PValue,
    double[] Statistic,
    double[] Fdr);
