using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Preprocessing;

/// <summary>Per-gene (column) mean and unbiased variance in float64, as scanpy's _get_mean_var (ddof=1).</summary>
internal static class GeneStats
{
    public static (double[] Mean, double[] Var) MeanVar(Matrix x, Func<float, double>? transform = null)
    {
        var n = x.Rows;
        var cols = x.Cols;
        var sum = new double[cols];
        var sumSq = new double[cols];
        var csr = x as CsrMatrix ?? (x as CscMatrix)?.ToCsr();
        if (csr is not null)
        {
            for (var k = 0; k < csr.Nnz; k++)
            {
                var v = transform is null ? csr.Data[k] : transform(csr.Data[k]);
                sum[csr.Indices[k]] += v;
            }
        }
        else
        {
            var d = (DenseMatrix)x;
            for (var r = 0; r < n; r++)
            {
                var row = d.Row(r);
                for (var c = 0; c < cols; c++) sum[c] += transform is null ? row[c] : transform(row[c]);
            }
        }
        var mean = sum.Select(s => s / n).ToArray();
        // Two-pass variance: Σ(x - mean)² over stored values plus the implicit zeros' (0 - mean)².
        var stored = new int[cols];
        if (csr is not null)
        {
            for (var k = 0; k < csr.Nnz; k++)
            {
                var c = csr.Indices[k];
                var v = (transform is null ? csr.Data[k] : transform(csr.Data[k])) - mean[c];
                sumSq[c] += v * v;
                stored[c]++;
            }
            for (var c = 0; c < cols; c++) sumSq[c] += (n - stored[c]) * mean[c] * mean[c];
        }
        else
        {
            var d = (DenseMatrix)x;
            for (var r = 0; r < n; r++)
            {
                var row = d.Row(r);
                for (var c = 0; c < cols; c++)
                {
                    var v = (transform is null ? row[c] : transform(row[c])) - mean[c];
                    sumSq[c] += v * v;
                }
            }
        }
        var variance = sumSq.Select(s => n > 1 ? s / (n - 1) : double.NaN).ToArray();
        return (mean, variance);
    }
}
