namespace ScRepro.Models.Scgpt.Config;

/// <summary>
/// The architecture of one scGPT model: what the constructor of TransformerGenerator or TransformerModel receives.
/// Defaults are the whole-human checkpoint (12 layers, d_model 512, 8 heads, d_hid 512, 3 classifier layers).
/// </summary>
public sealed record ScgptConfig
{
    public ScgptVariant Variant { get; init; } = ScgptVariant.Generator;

    /// <summary>Vocabulary size (60,697 for whole-human).</summary>
    public int NToken { get; init; }
    public int DModel { get; init; } = 512;
    public int NHead { get; init; } = 8;
    public int DHid { get; init; } = 512;
    public int NLayers { get; init; } = 12;

    /// <summary>ClsDecoder hidden blocks (args.json n_layers_cls, 3).</summary>
    public int NLayersCls { get; init; } = 3;

    /// <summary>ClsDecoder outputs: 1 for the generator (unused head), the number of cell types for annotation.</summary>
    public int NCls { get; init; } = 1;

    public double Dropout { get; init; }

    /// <summary>The &lt;pad&gt; id: padding_idx of the gene embedding (gradient of that row is zero).</summary>
    public int PadTokenId { get; init; }

    /// <summary>The value at padded positions (0 in the perturbation tutorial, −2 in annotation).</summary>
    public double PadValue { get; init; }

    /// <summary>padding_idx of pert_encoder (0 in the 2024 tutorial, 2 in the 2023 one).</summary>
    public int PertPadId { get; init; }

    /// <summary>pert_encoder rows (3: not perturbed, perturbed, pad).</summary>
    public int NPertTokens { get; init; } = 3;

    /// <summary>The values at which ContinuousValueEncoder clamps its input (upper bound only).</summary>
    public double MaxValue { get; init; } = 512;

    /// <summary>Number of expression bins (annotation input is the bin index as a float).</summary>
    public int NBins { get; init; } = 51;

    /// <summary>
    /// A BatchNorm1d(d_model) on the summed embeddings: always in the 2023 generator (eps 6.1e-5), and in
    /// TransformerModel before 10c059f when DSBN was off (eps 1e-5).
    /// </summary>
    public bool BatchNorm { get; init; }

    /// <summary>BatchNorm eps: 6.1e-5 in the 2023 generator, PyTorch's default 1e-5 in TransformerModel.</summary>
    public double BatchNormEps => Variant == ScgptVariant.Generator2023 ? 6.1e-5 : 1e-5;

    /// <summary>d_model / n_head; whole-human: 64.</summary>
    public int HeadDim => DModel / NHead;

    /// <summary>Throws ArgumentException when the numbers cannot make a model.</summary>
    public void Validate()
    {
        if (NToken <= 0) throw new ArgumentException($"ntoken must be positive, got {NToken}");
        if (DModel <= 0 || NHead <= 0 || DModel % NHead != 0)
            throw new ArgumentException($"d_model {DModel} must be a positive multiple of nhead {NHead}");
        if (DHid <= 0 || NLayers <= 0) throw new ArgumentException($"d_hid {DHid} and nlayers {NLayers} must be positive");
        if (NLayersCls < 1) throw new ArgumentException($"n_layers_cls must be at least 1, got {NLayersCls}");
        if (NCls < 1) throw new ArgumentException($"n_cls must be at least 1, got {NCls}");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"dropout must be in [0, 1), got {Dropout}");
        if (PadTokenId < 0 || PadTokenId >= NToken) throw new ArgumentException($"pad id {PadTokenId} outside the vocab of {NToken}");
        if (Variant == ScgptVariant.Generator2023 && !BatchNorm) throw new ArgumentException("the 2023 generator always has its BatchNorm");
        if (Variant == ScgptVariant.Generator && BatchNorm) throw new ArgumentException("the 2024 generator has no BatchNorm");
        if (PertPadId < 0 || PertPadId >= NPertTokens) throw new ArgumentException($"pert_pad_id {PertPadId} outside 0..{NPertTokens - 1}");
    }
}
