namespace ScRepro.Contracts;

/// <summary>
/// summary.json of one evaluation (model × seed): per metric its mean, median and max over the test set
/// (perturbations, or a single value for annotation metrics), with how many values were null/NaN, the
/// algorithms behind metrics that depend on one (e.g. clustering_agreement's Leiden), and provenance.
/// </summary>
public sealed record EvalSummary(
    ModelTask Task,
    string Model,
    long Seed,
    IReadOnlyList<MetricStats> Metrics,
    IReadOnlyDictionary<string, string> Notes,
    ProvenanceBlock Provenance);
