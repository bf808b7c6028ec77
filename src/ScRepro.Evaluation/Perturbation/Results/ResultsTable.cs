namespace ScRepro.Evaluation.Perturbation.Results;

/// <summary>
/// results.csv as cell-eval pivots its long rows: one row per perturbation (first-appearance order), one column per metric
/// (catalogue order); a missing (perturbation, metric) pair is null.
/// </summary>
public sealed class ResultsTable
{
    private readonly double?[,] _values;
    private readonly Dictionary<string, int> _rowIndex;
    private readonly Dictionary<string, int> _colIndex;

    public ResultsTable(IReadOnlyList<string> perturbations, IReadOnlyList<string> metrics, IEnumerable<MetricRow> rows)
    {
        Perturbations = perturbations.ToArray();
        Metrics = metrics.ToArray();
        _rowIndex = Perturbations.Select((p, i) => (p, i)).ToDictionary(t => t.p, t => t.i, StringComparer.Ordinal);
        _colIndex = Metrics.Select((m, i) => (m, i)).ToDictionary(t => t.m, t => t.i, StringComparer.Ordinal);
        _values = new double?[Perturbations.Length, Metrics.Length];
        foreach (var r in rows) _values[_rowIndex[r.Perturbation], _colIndex[r.Metric]] = r.Value;
    }

    public string[] Perturbations { get; }
    public string[] Metrics { get; }

    /// <summary>The value for (perturbation, metric); null when cell-eval would leave the cell empty.</summary>
    public double? this[string perturbation, string metric] => _values[_rowIndex[perturbation], _colIndex[metric]];

    /// <summary>The metric's values in perturbation order.</summary>
    public double?[] Column(string metric)
    {
        var c = _colIndex[metric];
        var col = new double?[Perturbations.Length];
        for (var r = 0; r < col.Length; r++) col[r] = _values[r, c];
        return col;
    }

    /// <summary>agg_results: polars describe() of every metric column.</summary>
    public IReadOnlyList<MetricSummary> Describe() => Metrics.Select(m => MetricSummary.Describe(m, Column(m))).ToArray();
}
