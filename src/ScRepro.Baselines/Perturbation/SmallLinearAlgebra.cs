namespace ScRepro.Baselines.Perturbation;

/// <summary>Dense helpers for the small (K×K, m×m) problems of the linear baseline.</summary>
internal static class SmallLinearAlgebra
{
    /// <summary>Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations; eigenvalues descending.</summary>
    public static (double[] Values, double[,] Vectors) SymmetricEigen(double[,] a)
    {
        var n = a.GetLength(0);
        var m = (double[,])a.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diag = 0;
            for (var i = 0; i < n; i++)
            {
                diag += m[i, i] * m[i, i];
                for (var j = i + 1; j < n; j++) off += m[i, j] * m[i, j];
            }
            if (off <= 1e-30 * Math.Max(diag, 1e-300)) break;
            for (var p = 0; p < n - 1; p++)
            for (var q = p + 1; q < n; q++)
            {
                if (m[p, q] == 0) continue;
                var theta = (m[q, q] - m[p, p]) / (2 * m[p, q]);
                var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                var c = 1 / Math.Sqrt(t * t + 1);
                var s = t * c;
                for (var k = 0; k < n; k++)
                {
                    double mkp = m[k, p], mkq = m[k, q];
                    m[k, p] = c * mkp - s * mkq;
                    m[k, q] = s * mkp + c * mkq;
                }
                for (var k = 0; k < n; k++)
                {
                    double mpk = m[p, k], mqk = m[q, k];
                    m[p, k] = c * mpk - s * mqk;
                    m[q, k] = s * mpk + c * mqk;
                }
                for (var k = 0; k < n; k++)
                {
                    double vkp = v[k, p], vkq = v[k, q];
                    v[k, p] = c * vkp - s * vkq;
                    v[k, q] = s * vkp + c * vkq;
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => m[i, i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => m[i, i]).ToArray();
        var vectors = new double[n, n];
        for (var c = 0; c < n; c++)
            for (var r = 0; r < n; r++) vectors[r, c] = v[r, order[c]];
        return (values, vectors);
    }

    /// <summary>Solves A X = B for symmetric positive definite A (Cholesky).</summary>
    public static double[,] SolveSpd(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
        {
            var sum = a[i, j];
            for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
            if (i == j)
            {
                if (sum <= 0) throw new InvalidOperationException("matrix is not positive definite");
                l[i, i] = Math.Sqrt(sum);
            }
            else l[i, j] = sum / l[j, j];
        }
        var cols = b.GetLength(1);
        var x = new double[n, cols];
        for (var c = 0; c < cols; c++)
        {
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = b[i, c];
                for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
                y[i] = sum / l[i, i];
            }
            for (var i = n - 1; i >= 0; i--)
            {
                var sum = y[i];
                for (var k = i + 1; k < n; k++) sum -= l[k, i] * x[k, c];
                x[i, c] = sum / l[i, i];
            }
        }
        return x;
    }
}
