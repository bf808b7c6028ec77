namespace ScRepro.Models.Scbert;

/// <summary>
/// PerformerLM as scBERT's finetune.py configures it (scale-gpu-models.md §3.1): only the first seven are set there,
/// every other flag is the PerformerLM default (dim_head 64, nb_features int(d·ln d), redraw every 1000 training
/// calls, pre-LayerNorm, exact GELU, no q/k/v bias, all dropouts 0). The head sizes are finetune.py's Identity head.
/// </summary>
/// <param name="NumTokens">Expression tokens: bin_num + 2 = 7 (0-5 bins, 6 mask/pad).</param>
/// <param name="SeqLen">Genes + the CLS slot (16,906 + 1).</param>
/// <param name="PositionEmbedding">gene2vec (frozen float64 rows, from the checkpoint or a .npy), random (frozen float64 N(0,1) rows, seeded), or none (upstream's zeros_like).</param>
/// <param name="HeadHidden">The head's second hidden width (h_dim=128); the first is upstream's fixed 512.</param>
public sealed record ScbertConfig(
    int NumTokens = 7,
    int Dim = 200,
    int Depth = 6,
    int Heads = 10,
    int DimHead = 64,
    int? NbFeatures = null,
    int SeqLen = 16907,
    int FeatureRedrawInterval = 1000,
    PositionEmbedding PositionEmbedding = PositionEmbedding.Gene2Vec,
    int HeadFirstHidden = 512,
    int HeadHidden = 128,
    double HeadDropout = 0)
{
    /// <summary>The released panglao_pretrain.pth configuration.</summary>
    public static ScbertConfig Panglao { get; } = new();

    /// <summary>Random features per head: int(dim_head · ln dim_head), 266 for 64 (FastAttention's default).</summary>
    public int Features => NbFeatures ?? (int)(DimHead * Math.Log(DimHead));

    /// <summary>The expression token every value at or above it is clipped to (CLASS − 2 = 5).</summary>
    public int MaxBin => NumTokens - 2;
}

/// <summary>What is added to the token embedding at each position.</summary>
public enum PositionEmbedding
{
    /// <summary>gene2vec rows (frozen, float64), as scBERT's g2v_position_emb=True.</summary>
    Gene2Vec,

    /// <summary>Seeded N(0, 1) rows, frozen, float64: a stand-in identity per position where no gene2vec exists.</summary>
    Random,

    /// <summary>Nothing (upstream's <c>pos_emb = torch.zeros_like</c>): the Boiarsky no-gene2vec ablation.</summary>
    None,
}
