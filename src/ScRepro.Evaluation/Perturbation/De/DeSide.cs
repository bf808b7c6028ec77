namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>
/// One target's DE values as cell-eval loads them (_types/_de.py): log2FC and fdr cast to Float32, significance
/// fdr &lt; 0.05 in float32, and the significant genes ranked by |log2FC| descending with ties in var order.
/// </summary>
public sealed class DeSide
{
    public const float FdrThreshold = 0.05f;

    public DeSide(TargetDe de)
    {
        var n = de.Fdr.Length;
        Lfc = new float[n];
        Fdr = new float[n];
        Significant = new bool[n];
        var sig = new List<int>();
        for (var g = 0; g < n; g++)
        {
            Lfc[g] = (float)de.Log2FoldChange[g];
            Fdr[g] = (float)de.Fdr[g];
            if (Fdr[g] < FdrThreshold) { Significant[g] = true; sig.Add(g); }
        }
        var ranked = sig.ToArray();
        var abs = Lfc;
        // polars rank("ordinal") on |lfc| descending = a stable descending sort (ties keep var order, +inf first).
        Array.Sort(ranked, (a, b) =>
        {
            var c = Math.Abs(abs[b]).CompareTo(Math.Abs(abs[a]));
            return c != 0 ? c : a.CompareTo(b);
        });
        RankedSignificant = ranked;
    }

    public float[] Lfc { get; }
    public float[] Fdr { get; }
    public bool[] Significant { get; }

    /// <summary>Indices of the significant genes, largest |log2FC| first.</summary>
    public int[] RankedSignificant { get; }
}
