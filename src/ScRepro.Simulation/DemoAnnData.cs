using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.AnnData.Preprocessing;

namespace ScRepro.Simulation;

/// <summary>Assembles a simulated count matrix into AnnData (CSR X, categorical label column, per-cell totals).</summary>
internal static class DemoAnnData
{
    public static AnnData.AnnotatedData Build(List<string> labels, List<float[]> counts, string[] genes, string labelColumn,
        Action<DataFrame, int[]> extraObs, Dictionary<string, object?> uns, bool normalise = true)
    {
        var n = counts.Count;
        var raw = CsrMatrix.FromDense(new DenseMatrix(n, genes.Length, counts.SelectMany(r => r).ToArray()));
        var obs = new DataFrame(Enumerable.Range(0, n).Select(i => $"cell{i:D5}").ToArray());
        var index = Enumerable.Range(0, n).ToArray();
        obs.Add(CategoricalColumn.FromLabels(labelColumn, labels));
        extraObs(obs, index);
        var totals = new double[n];
        for (var r = 0; r < n; r++)
            foreach (var v in raw.RowValues(r)) totals[r] += v;
        obs.Add(new NumericColumn("n_counts", totals, "float32"));
        var var = new DataFrame(genes);
        var.Add(new StringColumn("gene_name", genes.Select(g => (string?)g).ToArray()));
        // scanpy's normalize_total(target_sum=1e4) then log1p, as GEARS' Norman file stores X.
        var x = normalise ? Log1p.Apply(NormalizeTotal.Apply(raw, 1e4)) : raw;
        var adata = new AnnData.AnnotatedData(x, obs, var);
        if (normalise) adata.Layers["counts"] = raw;
        foreach (var (k, v) in uns) adata.Uns[k] = v;
        return adata;
    }
}
