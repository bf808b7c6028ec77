using ScRepro.Contracts;

namespace ScRepro.Core.Manifests;

/// <summary>manifests/experiments/&lt;id&gt;.yaml: dataset × split × models × seeds × metrics.</summary>
public sealed record ExperimentManifest(
    string Id,
    string Title,
    ModelTask Task,
    string Dataset,
    string File,
    ExperimentColumns Columns,
    SplitSpec Split,
    IReadOnlyList<string> Models,
    IReadOnlyList<long> Seeds,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ReferenceValue> References,
    ManifestOrigin Origin);

/// <summary>obs columns the experiment uses.</summary>
public sealed record ExperimentColumns(string? Perturbation, string? Control, string? Label, string? Batch);

/// <summary>Split policy (see ScRepro.Splits), its seed and its policy-specific parameters.</summary>
public sealed record SplitSpec(string Policy, long Seed, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>
/// A number a paper reports, printed on the card beside ours: the paper by its key in manifests/papers.yaml, and
/// where in it the number is (<see cref="Locator"/>: "Table 1 (n=10)", "Figure 3").
/// </summary>
public sealed record ReferenceValue(string Model, string Metric, double Value, PaperRef Paper, string Locator);
