using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Perturbation;

/// <summary>Per-condition cell counts and mean expression (float64) of X, computed in one pass over the rows.</summary>
internal sealed class ConditionMeans
{
    private ConditionMeans(Dictionary<string, int> counts, Dictionary<string, double[]> means, int genes)
    {
        Counts = counts;
        Means = means;
        Genes = genes;
    }

    public Dictionary<string, int> Counts { get; }
    public Dictionary<string, double[]> Means { get; }
    public int Genes { get; }

    public static ConditionMeans Compute(ScRepro.AnnData.AnnotatedData data, string column)
    {
        var x = data.X ?? throw new ScReproException("perturbation baseline: the AnnData has no X");
        if (!data.Obs.Contains(column))
            throw new ScReproException($"obs has no column '{column}' (have: {string.Join(", ", data.Obs.Columns.Select(c => c.Name))})");
        var col = data.Obs[column];
        var genes = x.Cols;
        var groupOf = new int[data.NObs];
        var names = new List<string>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < data.NObs; i++)
        {
            var label = col.GetString(i) ?? throw new ScReproException($"obs['{column}'] is missing for cell '{data.ObsNames[i]}'");
            if (!lookup.TryGetValue(label, out var g)) { g = names.Count; lookup[label] = g; names.Add(label); }
            groupOf[i] = g;
        }
        var sums = new double[names.Count][];
        for (var g = 0; g < names.Count; g++) sums[g] = new double[genes];
        var counts = new int[names.Count];
        switch (x)
        {
            case CsrMatrix csr:
                for (var i = 0; i < csr.Rows; i++)
                {
                    var s = sums[groupOf[i]];
                    var idx = csr.RowIndices(i);
                    var val = csr.RowValues(i);
                    for (var p = 0; p < idx.Length; p++) s[idx[p]] += val[p];
                    counts[groupOf[i]]++;
                }
                break;
            case DenseMatrix dense:
                for (var i = 0; i < dense.Rows; i++) Accumulate(sums[groupOf[i]], dense.Row(i), ref counts[groupOf[i]]);
                break;
            default:
                const int chunk = 1024;
                for (var start = 0; start < x.Rows; start += chunk)
                {
                    var rows = Enumerable.Range(start, Math.Min(chunk, x.Rows - start)).ToArray();
                    var block = x.ToDense(rows);
                    for (var r = 0; r < rows.Length; r++) Accumulate(sums[groupOf[rows[r]]], block.Row(r), ref counts[groupOf[rows[r]]]);
                }
                break;
        }
        var meanMap = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var countMap = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < names.Count; g++)
        {
            for (var j = 0; j < genes; j++) sums[g][j] /= counts[g];
            meanMap[names[g]] = sums[g];
            countMap[names[g]] = counts[g];
        }
        return new ConditionMeans(countMap, meanMap, genes);
    }

    private static void Accumulate(double[] sum, ReadOnlySpan<float> row, ref int count)
    {
        for (var j = 0; j < row.Length; j++) sum[j] += row[j];
        count++;
    }
}
