using System.Text.Json.Serialization;

namespace ScRepro.Contracts;

/// <summary>What an experiment asks of its models; the manifest's `task` (and every JSON output's) is the lower-case name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelTask>))]
public enum ModelTask
{
    /// <summary>Predict the expression profile of unseen perturbations ("perturbation").</summary>
    [JsonStringEnumMemberName("perturbation")] Perturbation,

    /// <summary>Assign each cell its cell type ("annotation").</summary>
    [JsonStringEnumMemberName("annotation")] Annotation,
}
