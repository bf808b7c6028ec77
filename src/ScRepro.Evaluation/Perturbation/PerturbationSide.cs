using ScRepro.AnnData.Matrices;

namespace ScRepro.Evaluation.Perturbation;

/// <summary>One validated AnnData of a pair: log1p X as CSR, the rows of each label, and cached pseudobulks.</summary>
public sealed class PerturbationSide
{
    private readonly Dictionary<string, double[]> _means = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    internal PerturbationSide(string source, CsrMatrix x, Dictionary<string, int[]> groups)
    {
        Source = source;
        X = x;
        Groups = groups;
    }

    /// <summary>Where the data came from (file path), for messages.</summary>
    public string Source { get; }

    /// <summary>Expression in log1p space.</summary>
    public CsrMatrix X { get; }

    /// <summary>Row indices of each perturbation label (control included), in obs order.</summary>
    public IReadOnlyDictionary<string, int[]> Groups { get; }

    /// <summary>μ(label): the arithmetic mean over the label's cells of each gene, in double.</summary>
    public double[] Mean(string label)
    {
        lock (_gate)
        {
            if (_means.TryGetValue(label, out var cached)) return cached;
        }
        var mean = new double[X.Cols];
        var rows = Groups[label];
        foreach (var r in rows)
        {
            var idx = X.RowIndices(r);
            var val = X.RowValues(r);
            for (var k = 0; k < idx.Length; k++) mean[idx[k]] += val[k];
        }
        for (var g = 0; g < mean.Length; g++) mean[g] /= rows.Length;
        lock (_gate) _means[label] = mean;
        return mean;
    }

    /// <summary>Δ(label) = μ(label) − μ(control) of this AnnData.</summary>
    public double[] Delta(string label, string control)
    {
        var m = Mean(label);
        var c = Mean(control);
        var d = new double[m.Length];
        for (var g = 0; g < d.Length; g++) d[g] = m[g] - c[g];
        return d;
    }
}
