using System.Text.Json.Serialization;

namespace ScRepro.Contracts;

/// <summary>
/// What a fine-tuned model family reports about itself: the precision it trained in and how its random draws differ
/// from the original code's (both shown on the card), and per family its architecture.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "architecture_family")]
[JsonDerivedType(typeof(ScgptModelDetails), "scgpt")]
[JsonDerivedType(typeof(ScbertModelDetails), "scbert")]
[JsonDerivedType(typeof(GeneformerModelDetails), "geneformer")]
public abstract record ModelDetails
{
    /// <summary>"float32", or fp16 autocast with its loss scale: the card's precision line.</summary>
    public required string Precision { get; init; }

    public required bool AmpRequested { get; init; }

    /// <summary>Where our seeded draws depart from the original code's unseeded ones; null when they do not.</summary>
    public string? RngNote { get; init; }
}
