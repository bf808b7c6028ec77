namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>Sorted distinct values with their multiplicities, the zero block included.</summary>
internal readonly record struct DistinctGroups(float[] Values, int[] Counts)
{
    /// <summary>Groups sorted non-zero values and inserts <paramref name="zeros"/> zeros at their place.</summary>
    public static DistinctGroups From(ReadOnlySpan<float> sortedNonZeros, int zeros)
    {
        var values = new List<float>();
        var counts = new List<int>();
        var zerosDone = zeros == 0;
        var i = 0;
        while (i < sortedNonZeros.Length || !zerosDone)
        {
            if (!zerosDone && (i >= sortedNonZeros.Length || sortedNonZeros[i] > 0f))
            {
                values.Add(0f);
                counts.Add(zeros);
                zerosDone = true;
                continue;
            }
            var v = sortedNonZeros[i];
            var j = i + 1;
            while (j < sortedNonZeros.Length && sortedNonZeros[j] == v) j++;
            values.Add(v);
            counts.Add(j - i);
            i = j;
        }
        return new DistinctGroups(values.ToArray(), counts.ToArray());
    }
}
