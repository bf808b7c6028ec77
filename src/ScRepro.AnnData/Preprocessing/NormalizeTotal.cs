using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Preprocessing;

/// <summary>
/// scanpy.pp.normalize_total(adata, target_sum=…, exclude_highly_expressed=False): every cell is scaled so its
/// counts sum to target_sum; with target_sum=None, to the median total of the cells with non-zero totals.
/// Cells with zero counts are left at zero (scanpy divides them by 1).
/// </summary>
public static class NormalizeTotal
{
    /// <summary>A normalised copy of <paramref name="x"/>; <paramref name="targetSum"/> null means the median of non-zero totals.</summary>
    public static Matrix Apply(Matrix x, double? targetSum = null)
    {
        var csr = x as CsrMatrix ?? (x as CscMatrix)?.ToCsr();
        var totals = csr?.RowSums() ?? ((DenseMatrix)x).RowSums();
        var target = targetSum ?? MedianOfPositive(totals);
        if (csr is not null)
        {
            var data = new float[csr.Data.Length];
            for (var r = 0; r < csr.Rows; r++)
            {
                var scale = ScaleFor(totals[r], target);
                var start = csr.IndPtr[r];
                var len = csr.IndPtr[r + 1] - start;
                System.Numerics.Tensors.TensorPrimitives.Divide(csr.Data.AsSpan(start, len), scale, data.AsSpan(start, len));
            }
            return new CsrMatrix(csr.Rows, csr.Cols, csr.IndPtr, csr.Indices, data); // float32 now, whatever the counts were
        }
        var source = (DenseMatrix)x;
        var dense = new DenseMatrix(source.Rows, source.Cols, (float[])source.Data.Clone());
        for (var r = 0; r < dense.Rows; r++)
            System.Numerics.Tensors.TensorPrimitives.Divide(dense.Row(r), ScaleFor(totals[r], target), dense.Row(r));
        return dense;
    }

    // scanpy's _normalize_data: counts / after, with zero totals replaced by 1.
    private static float ScaleFor(double total, double target)
    {
        var scale = (float)(total / target);
        return scale == 0 ? 1f : scale;
    }

    /// <summary>np.median of the positive totals (the mean of the middle two for an even count).</summary>
    public static double MedianOfPositive(IEnumerable<double> totals)
    {
        var positive = totals.Where(t => t > 0).Order().ToArray();
        if (positive.Length == 0) throw new ArgumentException("every cell has zero counts; the median total is undefined");
        var mid = positive.Length / 2;
        return positive.Length % 2 == 1 ? positive[mid] : (positive[mid - 1] + positive[mid]) / 2;
    }
}
