namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>How a checkpoint names its attention weights (spec §1.2); the model card records it.</summary>
public enum AttentionLayout
{
    /// <summary>No attention keys at all (e.g. a checkpoint filtered to the embeddings).</summary>
    None,

    /// <summary>nn.MultiheadAttention: `self_attn.in_proj_weight`, `self_attn.in_proj_bias`, `self_attn.out_proj.*`.</summary>
    InProj,

    /// <summary>flash-attn 1.x FlashMHA, as both tutorials and the whole-human checkpoint: `self_attn.Wqkv.*`.</summary>
    FlashWqkv,

    /// <summary>scGPT HEAD's flash_attn_compat wrapper: `self_attn._impl.Wqkv.*`, `self_attn._impl.out_proj.*`.</summary>
    FlashImplWqkv,
}
