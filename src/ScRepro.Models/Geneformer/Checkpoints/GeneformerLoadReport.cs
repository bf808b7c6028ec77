namespace ScRepro.Models.Geneformer.Checkpoints;

/// <summary>What loading a pretrained Geneformer file into the classifier did (HF's from_pretrained would log it).</summary>
/// <param name="Loaded">Model keys copied from the file.</param>
/// <param name="NewlyInitialised">Model keys the file lacks (the pooler and the classifier of an MLM checkpoint), left as initialised.</param>
/// <param name="Ignored">File keys the classifier has no use for (the MLM head cls.*).</param>
/// <param name="PositionIds">Whether the file carried bert.embeddings.position_ids (old transformers) or not (new: non-persistent).</param>
/// <param name="Decoder">How the MLM decoder related to the word embeddings: "re-tied" (not stored, as safetensors stores a tied tensor once), "tied" (stored, equal), or "none" (no MLM head).</param>
public sealed record GeneformerLoadReport(
    IReadOnlyList<string> Loaded,
    IReadOnlyList<string> NewlyInitialised,
    IReadOnlyList<string> Ignored,
    bool PositionIds,
    string Decoder);
