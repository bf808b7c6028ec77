using ScRepro.Evaluation.Perturbation.De;
using ScRepro.Evaluation.Perturbation.Results;

namespace ScRepro.Evaluation.Perturbation;

/// <summary>Everything one evaluation produced: long rows, the results pivot, its describe() table and both DE tables.</summary>
public sealed class PerturbationEvaluation
{
    public PerturbationEvaluation(IReadOnlyList<MetricRow> rows, ResultsTable results, DeTable realDe, DeTable predDe,
        string? clusteringAlgorithm)
    {
        Rows = rows;
        Results = results;
        RealDe = realDe;
        PredDe = predDe;
        ClusteringAlgorithm = clusteringAlgorithm;
        Aggregates = results.Describe();
    }

    /// <summary>Long-format (perturbation, metric, value) rows in computation order.</summary>
    public IReadOnlyList<MetricRow> Rows { get; }

    /// <summary>results.csv's table.</summary>
    public ResultsTable Results { get; }

    /// <summary>agg_results.csv's columns.</summary>
    public IReadOnlyList<MetricSummary> Aggregates { get; }

    public DeTable RealDe { get; }
    public DeTable PredDe { get; }

    /// <summary>Which algorithm produced clustering_agreement (for the card), or null when it was not computed.</summary>
    public string? ClusteringAlgorithm { get; }

    /// <summary>Mean / median / max per metric, in catalogue order: the model card's "Test set metrics (cell-eval)" table.</summary>
    public IReadOnlyList<MetricHeadline> Headlines() =>
        Aggregates.Select(a => new MetricHeadline(a.Metric, a.Mean, a.Median, a.Max)).ToArray();

    /// <summary>Writes results.csv, agg_results.csv, real_de.csv and pred_de.csv into <paramref name="directory"/>.</summary>
    public void WriteCsv(string directory) => PerturbationCsvWriter.WriteAll(this, directory);
}
