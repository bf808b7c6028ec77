namespace ScRepro.AnnData.Preprocessing;

/// <summary>
/// The var columns scanpy.pp.highly_variable_genes adds, one entry per gene. seurat: Means (of log1p'd expm1 data,
/// log1p'd), Dispersions (log), DispersionsNorm. seurat_v3: Means, Variances, VariancesNorm, Rank (NaN outside the
/// top genes). HighlyVariable marks the selection.
/// </summary>
public sealed record HvgResult(
    bool[] HighlyVariable,
    double[] Means,
    double[]? Dispersions = null,
    double[]? DispersionsNorm = null,
    double[]? Variances = null,
    double[]? VariancesNorm = null,
    double[]? Rank = null);
