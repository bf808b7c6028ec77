namespace ScRepro.Cards.Figures;

/// <summary>
/// One (perturbation, gene) row of cell-eval's DE table (real_de.csv / pred_de.csv): the mean expression of the
/// perturbed cells and of the control, the log2 fold change and the BH-adjusted p-value.
/// </summary>
public sealed record DeEntry(string Gene, double TargetMean, double ReferenceMean, double Log2FoldChange, double Fdr)
{
    /// <summary>The change from control in mean log1p expression (the scale GEARS' and scGPT's deltas use): log1p(target) − log1p(reference).</summary>
    public double Delta => Math.Log(1 + TargetMean) - Math.Log(1 + ReferenceMean);
}
