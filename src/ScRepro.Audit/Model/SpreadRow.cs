namespace ScRepro.Audit.Model;

/// <summary>
/// One metric over the R + 1 re-predictions (card seed first): the values, their mean, sample sd (ddof 1), range,
/// the claimed value (summary.json, else the card), z = (claimed − mean) / sd, and whether |claimed − mean| is inside
/// the band (null when nothing is claimed).
/// </summary>
public sealed record SpreadRow(
    string Metric,
    double? Claimed,
    string? ClaimedSource,
    IReadOnlyList<double?> Values,
    double? Mean,
    double? Sd,
    double? Min,
    double? Max,
    double? Threshold,
    double? Z,
    bool? WithinNoise);
