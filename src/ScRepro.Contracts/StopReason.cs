using System.Text.Json.Serialization;

namespace ScRepro.Contracts;

/// <summary>Why training stopped: the seed card's TrainStats `reason` values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StopReason>))]
public enum StopReason
{
    /// <summary>All configured epochs ran.</summary>
    [JsonStringEnumMemberName("max_epochs")] MaxEpochs,

    /// <summary>The stopping metric did not improve for `patience` epochs.</summary>
    [JsonStringEnumMemberName("early_stop")] EarlyStop,

    /// <summary>The fit converged (closed-form baselines, a solver below its tolerance).</summary>
    [JsonStringEnumMemberName("converged")] Converged,

    /// <summary>max_steps or max_wall_clock_s was reached.</summary>
    [JsonStringEnumMemberName("budget")] Budget,
}
