namespace ScRepro.Evaluation.Perturbation.Statistics;

/// <summary>scipy.stats.false_discovery_control(p) (method "bh"), as pdex applies it per target.</summary>
public static class BenjaminiHochberg
{
    /// <summary>Adjusted p-values: q_(i) = min_{j≥i} p_(j)·m/j over the sorted p-values, clipped to [0, 1].</summary>
    public static double[] Adjust(ReadOnlySpan<double> p)
    {
        var m = p.Length;
        var q = new double[m];
        if (m == 0) return q;
        var values = p.ToArray();
        var order = new int[m];
        for (var i = 0; i < m; i++) order[i] = i;
        // Ties in p give identical adjusted values whatever their order, so an unstable sort is fine here.
        Array.Sort(values.ToArray(), order);
        var running = double.PositiveInfinity;
        for (var k = m - 1; k >= 0; k--)
        {
            var v = values[order[k]] * m / (k + 1);
            if (v < running) running = v;
            q[order[k]] = Math.Clamp(running, 0.0, 1.0);
        }
        return q;
    }
}
