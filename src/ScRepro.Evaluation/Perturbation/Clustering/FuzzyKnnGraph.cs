namespace ScRepro.Evaluation.Perturbation.Clustering;

/// <summary>
/// scanpy's sc.pp.neighbors connectivities for a small dense matrix: exact Euclidean kNN (the point itself counted among
/// the k), then UMAP's fuzzy simplicial set (smooth_knn_dist with local_connectivity 1, bandwidth 1, 64 bisection steps;
/// memberships exp(−(d − ρ)/σ); symmetrised as P + Pᵀ − P∘Pᵀ).
/// </summary>
internal static class FuzzyKnnGraph
{
    private const double MinKDistScale = 1e-3;
    private const double SmoothKTolerance = 1e-5;

    public static double[,] Connectivities(double[][] points, int nNeighbors)
    {
        var n = points.Length;
        var k = Math.Min(nNeighbors, n);
        var knnIdx = new int[n][];
        var knnDist = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var d = new double[n];
            for (var j = 0; j < n; j++) d[j] = Euclidean(points[i], points[j]);
            d[i] = 0;
            var order = Enumerable.Range(0, n).OrderBy(j => d[j]).ThenBy(j => j != i).ThenBy(j => j).Take(k).ToArray();
            knnIdx[i] = order;
            knnDist[i] = order.Select(j => d[j]).ToArray();
        }

        var meanAll = knnDist.SelectMany(r => r).Average();
        var target = Math.Log2(k);
        var p = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var dist = knnDist[i];
            var nonZero = dist.Where(x => x > 0).ToArray();
            var rho = nonZero.Length >= 1 ? nonZero[0] : 0.0;
            double lo = 0, hi = double.PositiveInfinity, mid = 1.0;
            for (var it = 0; it < 64; it++)
            {
                var psum = 0.0;
                for (var j = 1; j < dist.Length; j++)
                {
                    var dd = dist[j] - rho;
                    psum += dd > 0 ? Math.Exp(-(dd / mid)) : 1.0;
                }
                if (Math.Abs(psum - target) < SmoothKTolerance) break;
                if (psum > target)
                {
                    hi = mid;
                    mid = (lo + hi) / 2.0;
                }
                else
                {
                    lo = mid;
                    mid = double.IsPositiveInfinity(hi) ? mid * 2 : (lo + hi) / 2.0;
                }
            }
            var sigma = mid;
            var meanIth = dist.Average();
            sigma = rho > 0 ? Math.Max(sigma, MinKDistScale * meanIth) : Math.Max(sigma, MinKDistScale * meanAll);
            for (var jj = 0; jj < dist.Length; jj++)
            {
                var j = knnIdx[i][jj];
                double val;
                if (j == i) val = 0;
                else if (dist[jj] - rho <= 0 || sigma == 0) val = 1.0;
                else val = Math.Exp(-((dist[jj] - rho) / sigma));
                p[i, j] = val;
            }
        }
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                result[i, j] = p[i, j] + p[j, i] - p[i, j] * p[j, i];
        return result;
    }

    private static double Euclidean(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Distance<double>(a, b);
}
