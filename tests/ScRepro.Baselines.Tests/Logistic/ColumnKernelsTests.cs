using ScRepro.Baselines.Logistic;

namespace ScRepro.Baselines.Tests.Logistic;

/// <summary>
/// The solver's column loops (vectorised gathers with a scalar tail) against a plain double loop written here: a
/// wrong slot offset or index scale in the gathers reads a neighbour's field and misses by far more than rounding.
/// </summary>
public sealed unsafe class ColumnKernelsTests
{
    private const int Instances = 500;

    // 37 stored values: four 8-wide steps and a scalar tail; the rows are sorted and distinct as in a column.
    private static (int[] Rows, float[] Vals) Column(int seed)
    {
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, Instances).OrderBy(_ => rng.Next()).Take(37).Order().ToArray();
        return (rows, rows.Select(_ => (float)(rng.NextDouble() * 3)).ToArray());
    }

    [Fact]
    public void Should_sum_the_hessian_and_gradient_terms_at_the_column_rows()
    {
        var rng = new Random(1);
        // τ = C·σ with C = 0.4: the Hessian weight is C·σ(1 − σ).
        const double c = 0.4;
        var sigma = Enumerable.Range(0, Instances).Select(_ => rng.NextDouble()).ToArray();
        var td = sigma.Select(s => c * s).ToArray();
        var (rows, vals) = Column(2);
        double h = 0, g = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            h += (double)vals[k] * vals[k] * c * sigma[rows[k]] * (1 - sigma[rows[k]]);
            g += vals[k] * td[rows[k]];
        }
        var narrow = rows.Select(r => (ushort)r).ToArray();
        fixed (int* r32 = rows) fixed (ushort* r16 = narrow) fixed (float* v = vals) fixed (double* t = td)
        {
            foreach (var (hk, gk) in new[] { ColumnKernels.HessianAndGradient(r32, v, 0, rows.Length, t, 1 / c), ColumnKernels.HessianAndGradient(r16, v, 0, rows.Length, t, 1 / c) })
            {
                Assert.Equal(h, hk, 1e-12);
                Assert.Equal(g, gk, 1e-12);
            }
            // A sub-range: start and end are honoured.
            var (h5, g5) = ColumnKernels.HessianAndGradient(r32, v, 5, 14, t, 1 / c);
            Assert.Equal(Enumerable.Range(5, 9).Sum(k => (double)vals[k] * vals[k] * c * sigma[rows[k]] * (1 - sigma[rows[k]])), h5, 1e-12);
            Assert.Equal(Enumerable.Range(5, 9).Sum(k => vals[k] * td[rows[k]]), g5, 1e-12);
        }
    }

    [Fact]
    public void Should_sum_the_quadratic_gradient_terms_and_scatter_the_step_at_the_column_rows()
    {
        var rng = new Random(3);
        var dx = Enumerable.Range(0, Instances).Select(_ => new CurvatureAndStep { D = (float)rng.NextDouble(), XTd = (float)(rng.NextDouble() - 0.5) }).ToArray();
        var (rows, vals) = Column(4);
        var expected = 0.0;
        for (var k = 0; k < rows.Length; k++) expected += (double)(vals[k] * dx[rows[k]].D * dx[rows[k]].XTd);
        var narrow = rows.Select(r => (ushort)r).ToArray();
        var before = dx.Select(s => s.XTd).ToArray();
        var target = new double[Instances];
        fixed (int* r32 = rows) fixed (ushort* r16 = narrow) fixed (float* v = vals) fixed (CurvatureAndStep* s = dx) fixed (double* t = target)
        {
            Assert.Equal(expected, ColumnKernels.QuadraticGradient(r32, v, 0, rows.Length, s), 1e-12);
            Assert.Equal(expected, ColumnKernels.QuadraticGradient(r16, v, 0, rows.Length, s), 1e-12);
            ColumnKernels.AddScaledColumn(r16, v, 0, rows.Length, 0.5f, s);
            ColumnKernels.AddScaledColumn(r32, v, 0, rows.Length, 0.25, t);
        }
        var at = rows.Select((r, k) => (r, k)).ToDictionary(t => t.r, t => t.k);
        for (var i = 0; i < Instances; i++)
        {
            Assert.Equal(at.TryGetValue(i, out var k) ? before[i] + vals[k] * 0.5f : before[i], dx[i].XTd);
            Assert.Equal(at.TryGetValue(i, out k) ? vals[k] * 0.25 : 0.0, target[i]);
        }
    }
}
