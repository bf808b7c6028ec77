namespace ScRepro.Evaluation.Perturbation.Statistics;

/// <summary>Average ("fractional") ranks, 1-based, as scipy.stats.rankdata and polars rank("average").</summary>
public static class Ranking
{
    /// <summary>Ranks with ties sharing their mean rank; NaN sorts last (largest).</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var keys = values.ToArray();
        // Stable sort with NaN last: Array.Sort on a key copy is not stable, so sort (key, index) pairs.
        Array.Sort(order, (i, j) =>
        {
            var c = CompareNanLast(keys[i], keys[j]);
            return c != 0 ? c : i.CompareTo(j);
        });
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && CompareNanLast(keys[order[end]], keys[order[start]]) == 0) end++;
            var avg = (start + 1 + end) / 2.0; // mean of ranks start+1 … end
            for (var k = start; k < end; k++) ranks[order[k]] = avg;
            start = end;
        }
        return ranks;
    }

    /// <summary>Total order with NaN equal to itself and larger than every number.</summary>
    public static int CompareNanLast(double a, double b)
    {
        var an = double.IsNaN(a);
        var bn = double.IsNaN(b);
        if (an || bn) return an == bn ? 0 : an ? 1 : -1;
        return a.CompareTo(b);
    }
}
