namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>
/// The reference (control) side of the Mann–Whitney U test, prepared once and shared by every target:
/// per gene the sorted distinct values, their counts, how many values lie below each, and the tie term Σ(t³−t).
/// A target column then needs only its own sort plus a binary search per distinct value, instead of ranking
/// the pooled ~7,600 values again for each of ~100 targets.
/// </summary>
internal sealed class RankSumReference
{
    private readonly float[][] _distinct;
    private readonly int[][] _counts;
    private readonly int[][] _below;
    private readonly double[] _tieTerm;

    private RankSumReference(int cells, float[][] distinct, int[][] counts, int[][] below, double[] tieTerm)
    {
        Cells = cells;
        _distinct = distinct;
        _counts = counts;
        _below = below;
        _tieTerm = tieTerm;
    }

    public int Cells { get; }

    public static RankSumReference Build(GeneColumns reference, int threads)
    {
        var genes = reference.Sums.Length;
        var distinct = new float[genes][];
        var counts = new int[genes][];
        var below = new int[genes][];
        var tie = new double[genes];
        Parallel.For(0, genes, new ParallelOptions { MaxDegreeOfParallelism = threads }, g =>
        {
            var nz = reference.NonZeros(g).ToArray();
            Array.Sort(nz);
            var groups = DistinctGroups.From(nz, reference.Cells - nz.Length);
            distinct[g] = groups.Values;
            counts[g] = groups.Counts;
            var b = new int[groups.Values.Length];
            var acc = 0;
            double t = 0;
            for (var k = 0; k < b.Length; k++)
            {
                b[k] = acc;
                acc += groups.Counts[k];
                double c = groups.Counts[k];
                t += c * c * c - c;
            }
            below[g] = b;
            tie[g] = t;
        });
        return new RankSumReference(reference.Cells, distinct, counts, below, tie);
    }

    /// <summary>
    /// Two-sided asymptotic Mann–Whitney U of the target column (sorted non-zeros plus <paramref name="targetZeros"/>
    /// zeros) against the reference for gene <paramref name="g"/>, as scipy.stats.mannwhitneyu(method="asymptotic",
    /// use_continuity=True) and numba-mwu compute it. Returns (U1 of the target, p).
    /// </summary>
    public (double U1, double P) Test(int g, ReadOnlySpan<float> sortedTargetNonZeros, int targetZeros)
    {
        var n1 = (double)(sortedTargetNonZeros.Length + targetZeros);
        var n2 = (double)Cells;
        var n = n1 + n2;
        var vals = _distinct[g];
        var cnts = _counts[g];
        var blw = _below[g];
        double rankSum = 0, tie = _tieTerm[g], targetBelow = 0;

        // Walk the target's distinct values in ascending order, with the zero block slotted in where it belongs.
        var i = 0;
        var zerosDone = targetZeros == 0;
        while (i < sortedTargetNonZeros.Length || !zerosDone)
        {
            float v;
            int t;
            if (!zerosDone && (i >= sortedTargetNonZeros.Length || sortedTargetNonZeros[i] > 0f))
            {
                v = 0f;
                t = targetZeros;
                zerosDone = true;
            }
            else
            {
                v = sortedTargetNonZeros[i];
                var j = i + 1;
                while (j < sortedTargetNonZeros.Length && sortedTargetNonZeros[j] == v) j++;
                t = j - i;
                i = j;
            }
            var k = Array.BinarySearch(vals, v);
            double cBelow, cEqual;
            if (k >= 0) { cBelow = blw[k]; cEqual = cnts[k]; }
            else
            {
                k = ~k;
                cBelow = k < blw.Length ? blw[k] : Cells;
                cEqual = 0;
            }
            // Average rank (1-based) of a tie block that starts after every smaller pooled value.
            var avgRank = cBelow + targetBelow + (cEqual + t + 1) / 2.0;
            rankSum += t * avgRank;
            var pooled = cEqual + t;
            tie += pooled * pooled * pooled - pooled - (cEqual * cEqual * cEqual - cEqual);
            targetBelow += t;
        }

        var u1 = rankSum - n1 * (n1 + 1) / 2.0;
        var u2 = n1 * n2 - u1;
        var s2 = n1 * n2 / 12.0 * ((n + 1) - tie / (n * (n - 1)));
        if (!(s2 > 0)) return (u1, 1.0);
        var z = (Math.Max(u1, u2) - n1 * n2 / 2.0 - 0.5) / Math.Sqrt(s2);
        var p = Statistics.NormalTail.TwoSidedP(z);
        return (u1, Math.Clamp(p, 0.0, 1.0));
    }
}
