using System.Text.Json;
using ScRepro.Contracts;
using ScRepro.Pipeline.Evaluation;

namespace ScRepro.Audit.Checks;

/// <summary>summary.json's metrics by name (ScRepro's EvalSummary shape: metrics[{name, mean, median, max, count, null_count}]).</summary>
public static class SummaryMetrics
{
    /// <summary>The folder's summary metrics, or null when it has no (readable) summary.json.</summary>
    public static IReadOnlyDictionary<string, MetricStats>? Read(AuditInputs inputs) => inputs.Summary is { } s ? FromJson(s) : null;

    /// <summary>Reads the metrics array of an EvalSummary-shaped document.</summary>
    public static IReadOnlyDictionary<string, MetricStats> FromJson(JsonElement summary)
    {
        var map = new Dictionary<string, MetricStats>(StringComparer.Ordinal);
        if (!summary.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array) return map;
        foreach (var m in metrics.EnumerateArray())
        {
            if (!m.TryGetProperty("name", out var n) || n.GetString() is not { } name) continue;
            map[name] = new MetricStats(name, Num(m, "mean"), Num(m, "median"), Num(m, "max"), Long(m, "count"), Long(m, "null_count"),
                Evaluation.MetricDirections.Of(name) ?? MetricDirection.None);
        }
        return map;
    }

    private static double? Num(JsonElement m, string key) =>
        m.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when v.GetString() == "NaN" => double.NaN,
            _ => null,
        } : null;

    private static long Long(JsonElement m, string key) =>
        m.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}
