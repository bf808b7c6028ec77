namespace ScRepro.AnnData.Preprocessing;

/// <summary>
/// One-predictor loess as skmisc.loess.loess(x, y, span, degree=2) fits it (netlib dloess, family "gaussian"):
/// at each point, a weighted least-squares polynomial of <c>degree</c> in (x − x₀) over the q = ⌊n·span⌋ nearest
/// points, tricube weights (1 − (d/ρ)³)³ with ρ the distance to the q-th nearest (so the q-th itself gets weight 0),
/// fitted value = the intercept.
/// Departure: dloess's default surface="interpolate" evaluates the fit exactly only at the vertices of a k-d tree
/// (cells of ⌊n·span·0.2⌋ points) and blends them with cubic Hermite interpolation; this is surface="direct", the
/// exact local fit at every x. The two differ by dloess's interpolation error, which is small next to the scatter
/// of the log-variances, so gene rankings agree except at near-ties.
/// </summary>
public static class Loess
{
    public static double[] Fit(double[] x, double[] y, double span = 0.3, int degree = 2)
    {
        var n = x.Length;
        if (y.Length != n) throw new ArgumentException("x and y differ in length");
        if (degree is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(degree));
        var q = Math.Min(n, (int)Math.Floor(n * span));
        if (q < degree + 1) throw new ArgumentException($"span {span} keeps {q} of {n} points; need at least {degree + 1}");
        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
        var xs = order.Select(i => x[i]).ToArray();
        var fitted = new double[n];
        var k = degree + 1;
        Span<double> ata = stackalloc double[9];
        Span<double> aty = stackalloc double[3];
        Span<double> basis = stackalloc double[3];
        for (var oi = 0; oi < n; oi++)
        {
            var x0 = xs[oi];
            // The q nearest form a contiguous window of the sorted x: slide it from the left bound.
            var lo = Math.Max(0, Math.Min(oi - q + 1, n - q));
            while (lo + q < n && x0 - xs[lo] > xs[lo + q] - x0) lo++;
            while (lo > 0 && xs[lo + q - 1] - x0 > x0 - xs[lo - 1]) lo--;
            var rho = Math.Max(x0 - xs[lo], xs[lo + q - 1] - x0) * Math.Max(1.0, span);
            ata.Clear();
            aty.Clear();
            for (var j = lo; j < lo + q; j++)
            {
                var d = xs[j] - x0;
                var w = rho > 0 ? Tricube(Math.Abs(d) / rho) : 1.0;
                if (w == 0) continue;
                basis[0] = 1.0;
                basis[1] = d;
                basis[2] = d * d;
                for (var a = 0; a < k; a++)
                {
                    aty[a] += w * basis[a] * y[order[j]];
                    for (var b = 0; b < k; b++) ata[a * 3 + b] += w * basis[a] * basis[b];
                }
            }
            fitted[order[oi]] = SolveIntercept(ata, aty, k);
        }
        return fitted;
    }

    private static double Tricube(double u)
    {
        if (u >= 1) return 0;
        var t = 1 - u * u * u;
        return t * t * t;
    }

    // Solves the k×k normal equations by Gaussian elimination with partial pivoting (a pseudo-inverse fallback
    // drops degenerate directions, as dloess's SVD does) and returns the constant term.
    private static double SolveIntercept(Span<double> a, Span<double> b, int k)
    {
        Span<double> m = stackalloc double[12];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++) m[i * 4 + j] = a[i * 3 + j];
            m[i * 4 + 3] = b[i];
        }
        var scale = 0.0;
        for (var i = 0; i < k; i++) scale = Math.Max(scale, Math.Abs(m[i * 4 + i]));
        Span<bool> dropped = stackalloc bool[3];
        for (var c = 0; c < k; c++)
        {
            var p = c;
            for (var r = c + 1; r < k; r++) if (Math.Abs(m[r * 4 + c]) > Math.Abs(m[p * 4 + c])) p = r;
            if (Math.Abs(m[p * 4 + c]) <= scale * 1e-13) { dropped[c] = true; continue; }
            if (p != c) for (var j = 0; j < 4; j++) (m[c * 4 + j], m[p * 4 + j]) = (m[p * 4 + j], m[c * 4 + j]);
            for (var r = 0; r < k; r++)
            {
                if (r == c) continue;
                var f = m[r * 4 + c] / m[c * 4 + c];
                for (var j = c; j < 4; j++) m[r * 4 + j] -= f * m[c * 4 + j];
            }
        }
        return dropped[0] ? 0 : m[3] / m[0];
    }
}
