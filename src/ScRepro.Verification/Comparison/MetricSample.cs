namespace ScRepro.Verification.Comparison;

/// <summary>
/// One side of a comparison: a value (null when every underlying value was null/NaN, cell-eval's convention),
/// how many of its underlying values were null/NaN and how many there were (when known), and, for a fraction
/// over n items (accuracy over n test cells), n.
/// </summary>
public sealed record MetricSample(double? Value, long? NullCount = null, long? Count = null, long? Items = null);
