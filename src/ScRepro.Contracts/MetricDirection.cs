using System.Text.Json.Serialization;

namespace ScRepro.Contracts;

/// <summary>Which way a metric improves (cell-eval's best value 1 or 0); None when neither is better (e.g. DE counts).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricDirection>))]
public enum MetricDirection
{
    [JsonStringEnumMemberName("higher")] HigherIsBetter,
    [JsonStringEnumMemberName("lower")] LowerIsBetter,
    [JsonStringEnumMemberName("none")] None,
}
