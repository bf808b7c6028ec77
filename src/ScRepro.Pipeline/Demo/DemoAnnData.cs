using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.Pipeline.Demo;

/// <summary>Assembles a simulated count matrix into AnnData (CSR X, categorical label column, per-cell totals).</summary>
internal static class DemoAnnData
{
    public static AnnData.AnnData Build(List<string> labels, List<float[]> counts, string[] genes, string labelColumn,
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
        var adata = new AnnData.AnnData(normalise ? LogNormalise(raw) : raw, obs, var);
        if (normalise) adata.Layers["counts"] = raw;
        foreach (var (k, v) in uns) adata.Uns[k] = v;
        return adata;
    }

    /// <summary>scanpy's normalize_total(target_sum=1e4) then log1p, as GEARS' Norman file stores X.</summary>
    private static CsrMatrix LogNormalise(CsrMatrix counts)
    {
        var data = new float[counts.Data.Length];
        for (var r = 0; r < counts.Rows; r++)
        {
            var lo = counts.IndPtr[r];
            var hi = counts.IndPtr[r + 1];
            double sum = 0;
            for (var k = lo; k < hi; k++) sum += counts.Data[k];
            var scale = sum > 0 ? 1e4 / sum : 0;
            for (var k = lo; k < hi; k++) data[k] = (float)Math.Log(1 + counts.Data[k] * scale);
        }
        return new CsrMatrix(counts.Rows, counts.Cols, (int[])counts.IndPtr.Clone(), (int[])counts.Indices.Clone(), data) { SourceDtype = "float32" };
    }
}
