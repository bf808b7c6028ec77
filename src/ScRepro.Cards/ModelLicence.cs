namespace ScRepro.Cards;

/// <summary>
/// The licence a model family's code and weights carry, for the card's front matter (a Hub licence id) and a line that
/// says what it covers. Kinds without one (the baselines, scGPT's MIT-licensed code trained here) keep the data set's.
/// </summary>
public sealed record ModelLicence(string HubId, string Statement)
{
    /// <summary>scBERT's LICENSE: GPL-3.0, "cover[ing] both the source code and model weights referenced for download" (scale-gpu-models.md §3.1).</summary>
    public static readonly ModelLicence Scbert = new("gpl-3.0",
        "scBERT's code and pretrained weights are GPL-3.0 (TencentAILabHealthcare/scBERT LICENSE); weights fine-tuned from them are a derived work under the same licence.");

    /// <summary>Geneformer's model card front matter: Apache-2.0.</summary>
    public static readonly ModelLicence Geneformer = new("apache-2.0",
        "Geneformer's code and pretrained weights are Apache-2.0 (ctheodoris/Geneformer model card).");

    /// <summary>The licence of a manifest kind, or null.</summary>
    public static ModelLicence? ForKind(string kind) =>
        kind.StartsWith("scbert_", StringComparison.Ordinal) ? Scbert
        : kind.StartsWith("geneformer_", StringComparison.Ordinal) ? Geneformer
        : null;
}
