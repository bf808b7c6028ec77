namespace ScRepro.Cards;

/// <summary>
/// Everything a MODEL_CARD.md shows, already formatted: the template only lays it out.
/// Property names are the template's binding names (Handlebars.Net binds .NET property names).
/// </summary>
public sealed record ModelCard(
    string Title,
    string Summary,
    FrontMatter Front,
    CardProvenance Provenance,
    string BaseModel,
    IReadOnlyList<KeyValue> Recipe,
    IReadOnlyList<KeyValue> Budget,
    string MetricsSource,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<ReferenceRow> References,
    bool HasReferences,
    IReadOnlyList<string> Limitations,
    IReadOnlyList<FileRow> Files,
    string Usage,
    IReadOnlyList<string> Citations);

/// <summary>Hugging Face model-index front matter.</summary>
public sealed record FrontMatter(string License, IReadOnlyList<string> Tags, string ModelName, string TaskType, string TaskName,
    string DatasetType, string DatasetName, IReadOnlyList<FrontMetric> Metrics);

public sealed record FrontMetric(string Type, string Name, string Value);

public sealed record CardProvenance(string Commit, string ShortCommit, string Dirty, string Describe, string Runner,
    string DatasetManifest, string DatasetManifestSha256, string DatasetLockSha256, string DataNote,
    string SplitPolicy, string SplitMembershipHash, string SplitCounts, string Seeds, string Environment, string GeneratedUtc);

public sealed record KeyValue(string Key, string Value);

public sealed record MetricRow(string Metric, string Mean, string Median, string Max);

public sealed record ReferenceRow(string Metric, string Reported, string Reproduced, string Source);

public sealed record FileRow(string Name, string Sha256, string Description);

/// <summary>The experiment's comparison page: every model beside the baselines.</summary>
public sealed record ComparisonPage(string Title, string Experiment, string Commit, string Dirty, string Dataset, string SplitMembershipHash,
    IReadOnlyList<string> Models, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<string> Notes);

/// <summary>One metric across models: Values[i] belongs to Models[i] (mean over test perturbations or cells).</summary>
public sealed record ComparisonRow(string Metric, string Best, IReadOnlyList<string> Values);
