namespace ScRepro.Nightly.Golden;

/// <summary>
/// One seed of a model: its metrics by name, how training stopped (null for a trainer that writes no stats), and
/// the number of test items (cells for annotation), which the 1/n resolution guard needs.
/// </summary>
public sealed record SeedResult(IReadOnlyDictionary<string, MetricRecord> Metrics, TrainingRecord? Training, long? TestItems);
